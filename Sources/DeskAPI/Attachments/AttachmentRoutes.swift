import DeskCore
import DeskHTTP

/// `/api/v1/tickets/{id}/attachments…` and `/api/v1/uploads`: list, add, download and delete a ticket's
/// attachments, and upload files to link later (`attachmentIds` on `sendReply` and comments). The ticket
/// must be a live ticket of the caller's org within its reach, else 404 (a ticket in the recycle bin
/// hides its attachments; restoring it brings them back); adding or deleting needs edit reach (else 403).
struct AttachmentRoutes: Sendable {
    let auth: APIAuthenticator
    let config: AttachmentsConfig

    static let collection = "/api/v1/tickets/{id}/attachments"
    static let uploads = "/api/v1/uploads"

    func register(on router: Router<WorkerContext>) {
        router.get(Self.collection, auth.protect(list))
        router.post(Self.collection, auth.protect(create))
        router.get("\(Self.collection)/{attachmentId}/content") { request, context in try self.content(request, context) }
        router.delete("\(Self.collection)/{attachmentId}", auth.protect(delete))
        router.post(Self.uploads, auth.protect(upload))
    }

    /// The body limits of the two upload routes: the file limit plus room for the multipart framing,
    /// answered 413 `RESOURCE_SIZE_EXCEEDED` above it. Every other route keeps `[server] max_body_bytes`.
    var bodyLimits: [RouteBodyLimit] {
        [Self.collection, Self.uploads].map {
            RouteBodyLimit(method: .post, pattern: $0, maxBytes: config.maxBodyBytes, errorCode: "RESOURCE_SIZE_EXCEEDED")
        }
    }

    /// `?from=&limit=` → `{"data":[…]}`, oldest first.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let page = try QueryReader(query: request.http.query).page()
        let attachments = try request.store.attachments(ofTicket: ticketID, for: request.actor, page: page)
        return .json(ListJSON(data: attachments.map(AttachmentJSON.init)))
    }

    /// Zoho Desk answers with 200 and the attachment.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let file = try FileUploadInput(maxBytes: config.maxBytes).file(from: request.http)
        let attachment = try request.store.write(request.actor) { tx in try tx.addAttachment(toTicket: ticketID, file) }
        return .json(AttachmentJSON(attachment: attachment))
    }

    /// 204 No Content; the chunks go with it.
    private func delete(_ request: AgentRequest) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let attachmentID = try RecordRequest.id(request.http, "attachmentId")
        try request.store.write(request.actor) { tx in try tx.deleteAttachment(attachmentID, ofTicket: ticketID) }
        return .empty()
    }

    /// Stores an upload for 24 hours; first removes a small batch of the org's expired uploads (audited
    /// as the system, agent id 0, in a transaction of its own). The scheduled purge of every org comes with
    /// the jobs.
    private func upload(_ request: AgentRequest) throws -> HTTPResponse {
        let file = try FileUploadInput(maxBytes: config.maxBytes).file(from: request.http)
        let system = Actor(orgID: request.orgID, agentID: 0, requestID: request.actor.requestID)
        _ = try request.store.write(system) { tx in try tx.purgeExpiredUploads() }
        let upload = try request.store.write(request.actor) { tx in try tx.createUpload(file) }
        return .json(UploadJSON(upload: upload))
    }

    /// The file, streamed chunk by chunk (see `AttachmentDownload`). The worker's context is needed while
    /// the body is written, after the handler returned, so this route wraps `auth.protect` per request.
    private func content(_ request: HTTPRequest, _ context: WorkerContext) throws -> HTTPResponse {
        let worker = WorkerBox(context)
        return try auth.protect { agent in try AttachmentDownload.response(agent, worker: worker) }(request, context)
    }
}
