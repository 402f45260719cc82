import DeskCore
import DeskHTTP

/// `GET tickets/{id}/attachments/{attachmentId}`: a file of the user's ticket that the conversation shows,
/// streamed chunk by chunk from the database (at most one 256 KiB chunk in memory), never rendered by the
/// browser: `Content-Disposition: attachment` with an ASCII `filename` and the exact UTF-8 `filename*`,
/// `X-Content-Type-Options: nosniff`, and `Cache-Control: private, no-store`. Any other attachment, of
/// this user's tickets or anyone else's, is the 404 page.
enum TicketDownload {
    static func response(_ request: PortalRequest) throws -> HTTPResponse {
        let owner = try request.ticketOwner()
        let ticketID = try request.ticketRouteID("id")
        let attachmentID = try request.ticketRouteID("attachmentId")
        guard let attachment = try request.store.portalAttachment(attachmentID, ofTicket: ticketID, owner: owner) else {
            throw HTTPError.notFound()
        }
        let headers: HTTPHeaders = [
            "Content-Type": attachment.contentType,
            "Content-Length": String(attachment.size),
            "Content-Disposition": ContentDisposition.attachment(fileName: attachment.fileName),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        ]
        let source = TicketDownloadSource(store: request.store, org: owner.orgID)
        return HTTPResponse(status: .ok, headers: headers, body: .stream { writer in
            try source.store.readContent(of: attachment, in: source.org) { chunk in try writer.write(chunk) }
        })
    }
}

/// Carries the request's store into the streamed body, which must be `@Sendable`.
///
/// Sound for the same reason as the API's worker box: the body runs on the same worker thread, within
/// the same request, right after the handler returned (the server writes the response before it accepts
/// the next request), and the connection is used by no other thread meanwhile.
private final class TicketDownloadSource: @unchecked Sendable {
    let store: Store
    let org: Int64

    init(store: Store, org: Int64) {
        self.store = store
        self.org = org
    }
}
