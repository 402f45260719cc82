import DeskCore
import DeskHTTP

/// `/api/v1/myinfo`: the calling agent's own profile. Every agent may read and edit their own names,
/// phones, language and time zone; the email address, profile, role, status and departments are read-only
/// here.
struct MyInfoRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/myinfo", auth.protect(get))
        router.patch("/api/v1/myinfo", auth.protect(update))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        guard let agent = try request.store.agent(id: request.actor.agentID, in: request.orgID) else {
            throw StoreError.notFound
        }
        return try AgentJSON.single(agent, store: request.store)
    }

    /// `If-Match` works as on `/agents/{id}`.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try AgentInput.ownChanges(from: request.http)
        let agent = try request.store.write(request.actor) { tx in
            try tx.updateAgent(request.actor.agentID, changes: changes, expectedVersion: expected)
        }
        return try AgentJSON.single(agent, store: request.store)
    }
}
