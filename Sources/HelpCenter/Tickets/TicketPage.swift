import DeskCore
import DeskHTTP
import Foundation

/// `GET tickets/{id}`: one of the user's tickets — subject, number, status, dates — and its public
/// conversation (`#conversation`, one `li.entry` per item in time order: the description, replies by
/// agents and by the user, public comments; each with its author, time, text with its line breaks and
/// `a.attachment` download links), then the reply form, the comment form and, unless the ticket is
/// closed, the close button. Someone else's ticket is the 404 page.
enum TicketPage {
    static func show(_ request: PortalRequest) throws -> HTTPResponse {
        let owner = try request.ticketOwner()
        let id = try request.ticketRouteID("id")
        return try render(request, ticketID: id, owner: owner, forms: TicketPageForms(), status: .ok)
    }

    /// The page, with the reply and comment forms' kept text and errors in `forms`.
    static func render(_ request: PortalRequest, ticketID: Int64, owner: PortalTicketOwner, forms: TicketPageForms,
                       status: HTTPStatus) throws -> HTTPResponse {
        guard let ticket = try request.store.portalTicket(ticketID, of: owner) else { throw HTTPError.notFound() }
        let entries = try request.store.portalConversation(ofTicket: ticketID, owner: owner)
        let base = request.path("tickets/\(ticket.id)")
        let maxSize = TicketFiles.size(Int64(request.site.config.attachments.maxBytes))
        var values: [String: Any] = [
            "id": String(ticket.id),
            "number": String(ticket.ticketNumber),
            "subject": ticket.subject,
            "status": TicketStatusText.text(ticket.status, request),
            "statusClass": TicketStatusText.cssClass(ticket.status),
            "created": request.formatDate(ticket.createdAt),
            "createdISO": TicketStatusText.iso(ticket.createdAt),
            "updated": request.formatDate(ticket.updatedAt),
            "updatedISO": TicketStatusText.iso(ticket.updatedAt),
            "isClosed": ticket.status == .closed,
            "ticketPath": base,
            "entries": entries.filter { $0.kind != .description || !$0.text.isEmpty || !$0.attachments.isEmpty }
                .map { entry(for: $0, ticketPath: base, request) },
            "replyContent": forms.replyContent,
            "commentContent": forms.commentContent,
            "attachmentsHelp": request.t("tickets.attachmentsHelp", ["size": maxSize,
                                                                     "count": String(PortalAttachmentLimits.maxFiles)]),
        ]
        if let error = forms.replyContentError { values["replyContentError"] = error }
        if let error = forms.replyAttachmentsError { values["replyAttachmentsError"] = error }
        if let error = forms.commentContentError { values["commentContentError"] = error }
        if let error = forms.commentAttachmentsError { values["commentAttachmentsError"] = error }
        let title = request.t("tickets.ticketTitle", ["number": String(ticket.ticketNumber), "subject": ticket.subject])
        return request.render("tickets-show", title: title, values: values, status: status)
    }

    /// The template values of one conversation item.
    private static func entry(for entry: PortalTicketEntry, ticketPath: String, _ request: PortalRequest) -> [String: Any] {
        let author: String = switch entry.author {
        case .you: request.t("tickets.authorYou")
        case .agent(let name): name
        case .contact(let name): name
        case .unknown: request.t("tickets.authorUnknown")
        }
        let lines = entry.text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let kind: String = switch entry.kind {
        case .description: request.t("tickets.kindDescription")
        case .reply: request.t("tickets.kindReply")
        case .comment: request.t("tickets.kindComment")
        }
        return [
            "entryId": "\(entry.kind.rawValue)-\(entry.id)",
            "kindClass": entry.kind.rawValue,
            "kind": kind,
            "author": author,
            "byYou": entry.author == .you,
            "byAgent": { if case .agent = entry.author { true } else { false } }(),
            "time": request.formatDate(entry.createdAt),
            "timeISO": TicketStatusText.iso(entry.createdAt),
            "lines": lines.enumerated().map { index, line in
                ["text": String(line), "last": index == lines.count - 1] as [String: Any]
            },
            "hasAttachments": !entry.attachments.isEmpty,
            "attachments": entry.attachments.map { attachment in
                [
                    "href": "\(ticketPath)/attachments/\(attachment.id)",
                    "name": attachment.fileName,
                    "size": TicketFiles.size(attachment.size),
                ] as [String: Any]
            },
        ]
    }
}

/// What the reply and comment forms of a re-rendered ticket page keep: the typed text and the messages.
struct TicketPageForms {
    var replyContent = ""
    var replyContentError: String?
    var replyAttachmentsError: String?
    var commentContent = ""
    var commentContentError: String?
    var commentAttachmentsError: String?
}
