import DeskCore
import DeskHTTP

/// The routes of one queue of end users' privacy requests under `/api/v1/{queue}`: list (oldest first,
/// `status`, `from`, `limit`), get, approve and reject (optional `{"reason":"…"}`), each answering the
/// request as ``PrivacyRequestJSON``. Every call needs the queue's privacy right (``APIPermissionMap``);
/// another org's id is 404; a decided request is 409 (``PrivacyRequestRefusal``).
struct PrivacyQueueRoutes: Sendable {
    let auth: APIAuthenticator
    /// The path of the queue, e.g. `/api/v1/emailChangeRequests`.
    let path: String
    let list: @Sendable (Store, _ org: Int64, PrivacyRequestFilter, Page) throws -> [PrivacyRequestJSON]
    let find: @Sendable (Store, _ id: Int64, _ org: Int64) throws -> PrivacyRequestJSON?
    let approve: @Sendable (WriteTransaction, _ id: Int64, _ reason: String?) throws -> PrivacyRequestJSON
    let reject: @Sendable (WriteTransaction, _ id: Int64, _ reason: String?) throws -> PrivacyRequestJSON

    /// `/api/v1/emailChangeRequests` (right `approveEmailChange`): approving changes the contact's and the
    /// portal user's email and tells both addresses.
    static func emailChanges(auth: APIAuthenticator) -> PrivacyQueueRoutes {
        PrivacyQueueRoutes(
            auth: auth, path: "/api/v1/emailChangeRequests",
            list: { store, org, filter, page in
                try store.emailChangeRequests(in: org, filter: filter, page: page).map(PrivacyRequestJSON.init)
            },
            find: { store, id, org in try store.emailChangeRequest(id, in: org).map(PrivacyRequestJSON.init) },
            approve: { tx, id, reason in PrivacyRequestJSON(try tx.approveEmailChange(id, reason: reason)) },
            reject: { tx, id, reason in PrivacyRequestJSON(try tx.rejectEmailChange(id, reason: reason)) })
    }

    /// `/api/v1/erasureRequests` (right `anonymize`): deciding only records the decision; erasing is a
    /// later job's.
    static func erasures(auth: APIAuthenticator) -> PrivacyQueueRoutes {
        PrivacyQueueRoutes(
            auth: auth, path: "/api/v1/erasureRequests",
            list: { store, org, filter, page in
                try store.erasureRequests(in: org, filter: filter, page: page).map(PrivacyRequestJSON.init)
            },
            find: { store, id, org in try store.erasureRequest(id, in: org).map(PrivacyRequestJSON.init) },
            approve: { tx, id, reason in PrivacyRequestJSON(try tx.approveErasure(id, reason: reason)) },
            reject: { tx, id, reason in PrivacyRequestJSON(try tx.rejectErasure(id, reason: reason)) })
    }

    func register(on router: Router<WorkerContext>) {
        let list = self.list
        let find = self.find
        router.get(path, auth.protect { request in
            let (filter, page) = try PrivacyRequestInput.listQuery(request.http)
            return .json(ListJSON(data: try list(request.store, request.orgID, filter, page)))
        })
        router.get("\(path)/{id}", auth.protect { request in
            try RecordHandlers.get(request, find: find, answer: { .json($0) })
        })
        router.post("\(path)/{id}/approve", auth.protect(PrivacyRequestRefusal.answering(Self.deciding(approve))))
        router.post("\(path)/{id}/reject", auth.protect(PrivacyRequestRefusal.answering(Self.deciding(reject))))
    }

    /// A decision handler: 200 with the decided request.
    private static func deciding(
        _ decide: @escaping @Sendable (WriteTransaction, Int64, String?) throws -> PrivacyRequestJSON
    ) -> @Sendable (AgentRequest) throws -> HTTPResponse {
        { request in
            let id = try RecordRequest.id(request.http)
            let reason = try PrivacyRequestInput.reason(request.http)
            return .json(try request.store.write(request.actor) { tx in try decide(tx, id, reason) })
        }
    }
}
