import DeskCore
import DeskHTTP

/// My Tickets: an end user's own tickets in the help center (list, new ticket, ticket page with the public
/// conversation, reply, comment, close, attachment download). Every page needs a signed-in user and shows
/// only their tickets; anyone else's ticket or attachment is the 404 page, like one that does not exist.
struct TicketPages: PortalPages {
    func register(on routes: PortalRoutes) {
        routes.get("tickets", TicketListPage.show)
        routes.get("tickets/new", TicketFormPage.show)
        routes.post("tickets/new", maxBodyBytes: TicketFiles.maxBodyBytes, TicketFormPage.submit)
        routes.get("tickets/{id}", TicketPage.show)
        routes.post("tickets/{id}/replies", maxBodyBytes: TicketFiles.maxBodyBytes, TicketMessagePages.reply)
        routes.post("tickets/{id}/comments", maxBodyBytes: TicketFiles.maxBodyBytes, TicketMessagePages.comment)
        routes.post("tickets/{id}/close", TicketMessagePages.close)
        routes.get("tickets/{id}/attachments/{attachmentId}", TicketDownload.response)
    }
}

extension PortalRequest {
    /// The signed-in user as the owner of the tickets a ticket page reads and writes; redirects to sign-in
    /// when nobody is signed in.
    func ticketOwner() throws -> PortalTicketOwner {
        let user = try requireSignIn()
        return PortalTicketOwner(orgID: org.id, contactID: user.contactID)
    }

    /// A numeric route parameter (`id`, `attachmentId`); anything else is the 404 page.
    func ticketRouteID(_ name: String) throws -> Int64 {
        guard let text = http.parameters[name], let id = Int64(text), id > 0 else { throw HTTPError.notFound() }
        return id
    }

    /// The attachment size limit of end users' files.
    var ticketAttachmentLimits: PortalAttachmentLimits {
        PortalAttachmentLimits(maxFileBytes: site.config.attachments.maxBytes)
    }
}
