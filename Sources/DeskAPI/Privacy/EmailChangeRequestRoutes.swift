import DeskCore
import DeskHTTP

/// `/api/v1/emailChangeRequests…`: the queue of end users' email change requests — list (oldest first,
/// `status`, `from`, `limit`), get, approve, reject (optional `{"reason":"…"}`). Every call needs the
/// privacy right `approveEmailChange` (``APIPermissionMap``); another org's id is 404.
struct EmailChangeRequestRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/emailChangeRequests", auth.protect(list))
        router.get("/api/v1/emailChangeRequests/{id}", auth.protect(get))
        router.post("/api/v1/emailChangeRequests/{id}/approve", auth.protect(PrivacyRequestRefusal.answering(approve)))
        router.post("/api/v1/emailChangeRequests/{id}/reject", auth.protect(PrivacyRequestRefusal.answering(reject)))
    }

    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let (filter, page) = try PrivacyRequestInput.listQuery(request.http)
        let requests = try request.store.emailChangeRequests(in: request.orgID, filter: filter, page: page)
        return .json(ListJSON(data: requests.map(PrivacyRequestJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, find: { store, id, org in try store.emailChangeRequest(id, in: org) },
                               answer: { .json(PrivacyRequestJSON($0)) })
    }

    /// 200 with the approved request; the contact's and portal user's email have changed.
    private func approve(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let reason = try PrivacyRequestInput.reason(request.http)
        let decided = try request.store.write(request.actor) { tx in try tx.approveEmailChange(id, reason: reason) }
        return .json(PrivacyRequestJSON(decided))
    }

    /// 200 with the rejected request.
    private func reject(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let reason = try PrivacyRequestInput.reason(request.http)
        let decided = try request.store.write(request.actor) { tx in try tx.rejectEmailChange(id, reason: reason) }
        return .json(PrivacyRequestJSON(decided))
    }
}
