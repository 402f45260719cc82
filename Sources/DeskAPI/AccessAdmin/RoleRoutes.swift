import DeskCore
import DeskHTTP

/// `/api/v1/roles…`: list (the top role first), get, create, edit, delete with `?transferToRoleId=`.
struct RoleRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/roles", auth.protect(list))
        router.post("/api/v1/roles", auth.protect(create))
        router.get("/api/v1/roles/{id}", auth.protect(get))
        router.patch("/api/v1/roles/{id}", auth.protect(AccessAdminRoutes.refusing(update)))
        router.delete("/api/v1/roles/{id}", auth.protect(AccessAdminRoutes.refusing(delete)))
    }

    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        .json(ListJSON(data: try request.store.roles(in: request.orgID).map(RoleJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, find: { store, id, org in try store.role(id, in: org) }, answer: RoleJSON.single)
    }

    /// 200 with the new role.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.create(request, read: RoleInput.draft(from:),
                                  write: { tx, draft in try tx.createRole(draft) }, answer: RoleJSON.single)
    }

    /// The top role → 422 `UNPROCESSABLE_ENTITY`; `If-Match` makes the update conditional.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.update(request, read: RoleInput.changes(from:),
                                  write: { tx, id, changes, expected in
                                      try tx.updateRole(id, changes: changes, expectedVersion: expected)
                                  }, answer: RoleJSON.single)
    }

    /// 204 No Content; the role's agents and child roles move to `transferToRoleId` (default: its parent).
    private func delete(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let target = try QueryReader(query: request.http.query).id("transferToRoleId")
        do {
            try request.store.write(request.actor) { tx in try tx.deleteRole(id, transferTo: target) }
        } catch StoreError.invalid(let field, let reason) where field == "transferToRoleId" {
            // A query parameter: named without a pointer, as every bad parameter is.
            throw QueryReader.invalid(field, reason)
        }
        return .empty()
    }
}
