import DeskCore
import DeskHTTP

/// `/api/v1/organizations…`: the orgs the token can act in (its own), and the org's settings. Another
/// org's id is 404, as for every record of another org.
///
/// Permissions: changing the org's settings is an administrator's right in the coming profiles/roles
/// work; its check goes at the top of `update`.
struct OrganizationRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/organizations", auth.protect(list))
        router.get("/api/v1/organizations/{id}", auth.protect(get))
        router.patch("/api/v1/organizations/{id}", auth.protect(update))
    }

    /// `{"data":[…]}` with the token's org.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        .json(ListJSON(data: try request.store.orgs(of: request.actor).map(OrganizationJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        guard try RecordRequest.id(request.http) == request.orgID,
              let org = try request.store.org(id: request.orgID) else { throw StoreError.notFound }
        return Self.single(org)
    }

    /// `If-Match: "<version>"` (or `*`) makes the update conditional: 412 when the org changed since.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        guard try RecordRequest.id(request.http) == request.orgID else { throw StoreError.notFound }
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try OrganizationInput.changes(from: request.http)
        let org = try request.store.write(request.actor) { tx in try tx.updateOrg(changes, expectedVersion: expected) }
        return Self.single(org)
    }

    static func single(_ org: Org) -> HTTPResponse {
        RecordRequest.single(OrganizationJSON(org: org), version: org.version)
    }
}
