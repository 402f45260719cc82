import DeskCore
import DeskHTTP

/// `GET /api/v1/tickets/{id}/attachments/{attachmentId}/content`: the file's bytes with its stored
/// `Content-Type` and exact `Content-Length`, streamed chunk by chunk from the database (at most one
/// 256 KiB chunk in memory). The stored type is never rendered by a browser: `Content-Disposition:
/// attachment` (RFC 6266, UTF-8 name), `X-Content-Type-Options: nosniff` and a sandboxing
/// `Content-Security-Policy`.
enum AttachmentDownload {
    static func response(_ request: AgentRequest, worker: WorkerBox) throws -> HTTPResponse {
        let ticketID = try RecordRequest.id(request.http)
        let attachmentID = try RecordRequest.id(request.http, "attachmentId")
        guard let attachment = try request.store.attachment(attachmentID, ofTicket: ticketID, for: request.actor) else {
            throw StoreError.notFound
        }
        let headers: HTTPHeaders = [
            "Content-Type": attachment.contentType,
            "Content-Length": String(attachment.size),
            "Content-Disposition": ContentDisposition.attachment(fileName: attachment.fileName),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-cache",
            "ETag": "\"\(attachment.sha256Hex)\"",
        ]
        let region = request.region
        let org = request.orgID
        let ids = request.store.ids
        return HTTPResponse(status: .ok, headers: headers, body: .stream { writer in
            try worker.context.connections.with(region) { connection in
                try Store(connection: connection, ids: ids).readContent(of: attachment, in: org) { chunk in
                    try writer.write(chunk)
                }
            }
        })
    }
}
