import DeskCore
import DeskHTTP

/// `/api/v1/tickets/{id}/comments…`: list, add, get, update and delete a ticket's comments. The ticket
/// must be a live ticket of the caller's org within its reach, else 404 (another org's ticket included).
/// Adding a comment needs read reach on the ticket; editing or deleting one needs edit reach (else 403).
///
/// DELETE removes the comment for good, audited 'delete' without values. Comments are deliberately not
/// recycle-bin records (`RecordKind`): the recycle bin lists and restores top-level records by id alone,
/// and a comment only means something on its ticket.
struct CommentRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/tickets/{id}/comments", auth.protect(list))
        router.post("/api/v1/tickets/{id}/comments", auth.protect(create))
        router.get("/api/v1/tickets/{id}/comments/{commentId}", auth.protect(get))
        router.patch("/api/v1/tickets/{id}/comments/{commentId}", auth.protect(update))
        router.delete("/api/v1/tickets/{id}/comments/{commentId}", auth.protect(delete))
    }

    /// `?from=&limit=` → `{"data":[…]}`, oldest first, each with its `attachments`.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let page = try QueryReader(query: request.http.query).page()
        let comments = try request.store.comments(ofTicket: ticketID, for: request.actor, page: page)
        let attachments = try request.store.attachments(ofComments: comments.map(\.id), ticket: ticketID, in: request.orgID)
        return .json(ListJSON(data: comments.map { CommentJSON(comment: $0, attachments: attachments[$0.id] ?? []) }))
    }

    /// Zoho Desk answers a create with 200 and the comment.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let draft = try CommentInput.draft(from: request.http)
        let comment = try AttachmentIDsInput.linking {
            try request.store.write(request.actor) { tx in try tx.addComment(toTicket: ticketID, draft) }
        }
        return .json(try Self.withAttachments(comment, request))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        let (ticketID, commentID) = try Self.ids(request.http)
        guard let comment = try request.store.comment(commentID, ofTicket: ticketID, for: request.actor) else {
            throw StoreError.notFound
        }
        return RecordRequest.single(try Self.withAttachments(comment, request), version: comment.version)
    }

    /// Honours `If-Match` (412 when the comment changed since); answers with the new ETag.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        let (ticketID, commentID) = try Self.ids(request.http)
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try CommentInput.changes(from: request.http)
        let comment = try request.store.write(request.actor) { tx in
            try tx.updateComment(commentID, ofTicket: ticketID, changes: changes, expectedVersion: expected)
        }
        return RecordRequest.single(try Self.withAttachments(comment, request), version: comment.version)
    }

    /// 204 No Content.
    private func delete(_ request: AgentRequest) throws -> HTTPResponse {
        let (ticketID, commentID) = try Self.ids(request.http)
        try request.store.write(request.actor) { tx in try tx.deleteComment(commentID, ofTicket: ticketID) }
        return .empty()
    }

    /// A single comment's JSON, with its `attachments`.
    private static func withAttachments(_ comment: TicketComment, _ request: AgentRequest) throws -> CommentJSON {
        let attachments = try request.store.attachments(ofComment: comment.id, ticket: comment.ticketID, in: request.orgID)
        return CommentJSON(comment: comment, attachments: attachments)
    }

    private static func ids(_ request: HTTPRequest) throws -> (ticket: Int64, comment: Int64) {
        (try RecordRequest.id(request), try RecordRequest.id(request, "commentId"))
    }
}
