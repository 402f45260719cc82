import DeskCore
import DeskHTTP

/// `/api/v1/agents…`: list, get, add, update, activate and deactivate the org's agents. Every handler
/// gets an authenticated `AgentRequest`; writes go through its `Store` (the one write path).
///
/// Permissions: the auth step checks the caller's profile (``APIPermissionMap``: `agents.view` to read,
/// `agents.create` to add, `agents.edit` to change, activate or deactivate) before any handler runs. An
/// agent's `profileId` (built-in 1, 2, 3 or a custom profile of the org) and `roleId` (1, the top role, or
/// a role of the org) are checked by DeskCore; only profile 1 counts as administrator, and the org keeps
/// at least one active administrator.
struct AgentRoutes: Sendable {
    let auth: APIAuthenticator

    static let statuses = AgentStatus.allCases.map(\.rawValue)

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/agents", auth.protect(list))
        router.post("/api/v1/agents", auth.protect(create))
        router.get("/api/v1/agents/{id}", auth.protect(get))
        router.patch("/api/v1/agents/{id}", auth.protect(update))
        router.post("/api/v1/agents/{id}/activate", auth.protect { try setActive($0, true) })
        router.post("/api/v1/agents/{id}/deactivate", auth.protect { try setActive($0, false) })
    }

    /// `?from=&limit=&status=ACTIVE|DISABLED&departmentId=` → `{"data":[…]}`, oldest first.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let query = QueryReader(query: request.http.query)
        let page = try query.page()
        let filter = AgentFilter(status: try query.enumValue("status", AgentStatus.self, allowed: Self.statuses),
                                 departmentID: try query.id("departmentId"))
        let agents = try request.store.agents(in: request.orgID, filter: filter, page: page)
        return .json(try AgentJSON.list(agents, store: request.store, org: request.orgID))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        guard let agent = try request.store.agent(id: id, in: request.orgID) else { throw StoreError.notFound }
        return try AgentJSON.single(agent, store: request.store)
    }

    /// Zoho Desk answers an add with 200 and the agent.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        let draft = try AgentInput.draft(from: request.http)
        let agent = try request.store.write(request.actor) { tx in try tx.createAgent(draft) }
        return try AgentJSON.single(agent, store: request.store)
    }

    /// `If-Match: "<version>"` (or `*`) makes the update conditional: 412 when the agent changed since.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try AgentInput.changes(from: request.http)
        let agent = try request.store.write(request.actor) { tx in
            try tx.updateAgent(id, changes: changes, expectedVersion: expected)
        }
        return try AgentJSON.single(agent, store: request.store)
    }

    /// 204 No Content; activating an active (or deactivating a disabled) agent changes nothing.
    private func setActive(_ request: AgentRequest, _ active: Bool) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        _ = try request.store.write(request.actor) { tx in try tx.setAgentActive(id, active) }
        return .empty()
    }
}
