import DeskCore
import DeskHTTP

/// The ticket page's forms: `POST tickets/{id}/replies` (`#reply-form`), `POST tickets/{id}/comments`
/// (`#comment-form`), both multipart with `content` and `attachments`, and `POST tickets/{id}/close`
/// (`#close-form`). Success goes back to the ticket page (303); a problem re-renders it with the message
/// next to the field and the text kept (413 for a file over the limit); someone else's ticket is the 404
/// page. Nothing is written on any error.
enum TicketMessagePages {
    static func reply(_ request: PortalRequest) throws -> HTTPResponse {
        try post(request, isReply: true)
    }

    static func comment(_ request: PortalRequest) throws -> HTTPResponse {
        try post(request, isReply: false)
    }

    static func close(_ request: PortalRequest) throws -> HTTPResponse {
        _ = try request.ticketOwner()
        let id = try request.ticketRouteID("id")
        _ = try request.store.write(request.actor) { tx in try tx.closePortalTicket(id) }
        return request.redirect(to: "tickets/\(id)")
    }

    private static func post(_ request: PortalRequest, isReply: Bool) throws -> HTTPResponse {
        let owner = try request.ticketOwner()
        let id = try request.ticketRouteID("id")
        let content = request.form["content"] ?? ""
        let draft = PortalMessageDraft(content: content, files: TicketFiles.files(request.form))
        let limits = request.ticketAttachmentLimits
        do {
            try request.store.write(request.actor) { tx in
                if isReply {
                    _ = try tx.addPortalReply(toTicket: id, draft, limits: limits)
                } else {
                    _ = try tx.addPortalComment(toTicket: id, draft, limits: limits)
                }
            }
        } catch {
            guard let formError = TicketFormError(error, request) else { throw error }
            var forms = TicketPageForms()
            let isFiles = formError.field == "attachments"
            if isReply {
                forms.replyContent = content
                if isFiles { forms.replyAttachmentsError = formError.message } else { forms.replyContentError = formError.message }
            } else {
                forms.commentContent = content
                if isFiles { forms.commentAttachmentsError = formError.message } else { forms.commentContentError = formError.message }
            }
            return try TicketPage.render(request, ticketID: id, owner: owner, forms: forms, status: formError.status)
        }
        return request.redirect(to: "tickets/\(id)#conversation")
    }
}
