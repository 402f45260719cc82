import DeskCore
import DeskHTTP

/// `/api/v1/tickets/{id}/sendReply` and `/threads…`: reply on a ticket, list its threads, get one. The
/// ticket must be a live ticket of the caller's org within its reach, else 404 (another org's ticket
/// included); a reply needs edit reach (403 `FORBIDDEN` on a ticket the agent may only read).
struct ThreadRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.post("/api/v1/tickets/{id}/sendReply", auth.protect(sendReply))
        router.get("/api/v1/tickets/{id}/threads", auth.protect(list))
        router.get("/api/v1/tickets/{id}/threads/{threadId}", auth.protect(get))
        router.get("/api/v1/tickets/{id}/conversations", auth.protect(conversations))
    }

    /// Zoho Desk answers a reply with 200 and the thread (outgoing, written by the acting agent).
    private func sendReply(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let draft = try ReplyInput.draft(from: request.http)
        let thread = try AttachmentIDsInput.linking {
            try request.store.write(request.actor) { tx in try tx.sendReply(toTicket: ticketID, draft) }
        }
        let attachments = try request.store.attachments(ofThread: thread.id, ticket: ticketID, in: request.orgID)
        return .json(ThreadJSON(thread: thread, withContent: true, attachments: attachments))
    }

    /// `?from=&limit=` → `{"data":[…]}`, oldest first, without the full content.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let page = try QueryReader(query: request.http.query).page()
        let threads = try request.store.threads(ofTicket: ticketID, for: request.actor, page: page)
        return .json(ListJSON(data: threads.map { ThreadJSON(thread: $0) }))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let threadID = try RecordRequest.id(request.http, "threadId")
        guard let thread = try request.store.thread(threadID, ofTicket: ticketID, for: request.actor) else {
            throw StoreError.notFound
        }
        let attachments = try request.store.attachments(ofThread: threadID, ticket: ticketID, in: request.orgID)
        return .json(ThreadJSON(thread: thread, withContent: true, attachments: attachments))
    }

    /// Threads and comments merged, oldest first, each with `type` "thread" or "comment"; `?from=&limit=`
    /// page over the merge.
    private func conversations(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let page = try QueryReader(query: request.http.query).page()
        let items = try request.store.conversations(ofTicket: ticketID, for: request.actor, page: page)
        return .json(ListJSON(data: items.map(ConversationJSON.init)))
    }
}
