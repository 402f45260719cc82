import DeskCore
import DeskHTTP

/// `/api/v1/erasureRequests…`: the queue of end users' erasure requests — list (oldest first, `status`,
/// `from`, `limit`), get, approve, reject (optional `{"reason":"…"}`). Every call needs the privacy right
/// `anonymize` (``APIPermissionMap``). Approving only records the decision; erasing is a later job's.
struct ErasureRequestRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/erasureRequests", auth.protect(list))
        router.get("/api/v1/erasureRequests/{id}", auth.protect(get))
        router.post("/api/v1/erasureRequests/{id}/approve", auth.protect(PrivacyRequestRefusal.answering(approve)))
        router.post("/api/v1/erasureRequests/{id}/reject", auth.protect(PrivacyRequestRefusal.answering(reject)))
    }

    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let (filter, page) = try PrivacyRequestInput.listQuery(request.http)
        let requests = try request.store.erasureRequests(in: request.orgID, filter: filter, page: page)
        return .json(ListJSON(data: requests.map(PrivacyRequestJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, find: { store, id, org in try store.erasureRequest(id, in: org) },
                               answer: { .json(PrivacyRequestJSON($0)) })
    }

    /// 200 with the approved request.
    private func approve(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let reason = try PrivacyRequestInput.reason(request.http)
        let decided = try request.store.write(request.actor) { tx in try tx.approveErasure(id, reason: reason) }
        return .json(PrivacyRequestJSON(decided))
    }

    /// 200 with the rejected request.
    private func reject(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let reason = try PrivacyRequestInput.reason(request.http)
        let decided = try request.store.write(request.actor) { tx in try tx.rejectErasure(id, reason: reason) }
        return .json(PrivacyRequestJSON(decided))
    }
}
