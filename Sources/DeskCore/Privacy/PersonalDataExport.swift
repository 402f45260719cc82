import Foundation

/// Everything deskd holds about one end user that they may see: their contact record, their help-center
/// account, their privacy requests, and their own live tickets with the public conversation (the
/// description, public replies and public comments — never private comments or private threads) and the
/// attachments of those parts. ``PersonalDataArchive`` writes it as a zip file.
public struct PersonalDataExport: Sendable {
    /// One ticket with what its end user sees of it.
    public struct TicketPart: Sendable {
        public let ticket: Ticket
        /// The public conversation, oldest first, the description first.
        public let entries: [PortalTicketEntry]
    }

    public let contact: Contact
    public let portalUser: PortalUser
    public let emailChangeRequests: [EmailChangeRequest]
    public let erasureRequests: [ErasureRequest]
    public let tickets: [TicketPart]
    /// When the export was made.
    public let createdAt: Date
}

extension Store {
    /// Gathers the ``PersonalDataExport`` of the signed-in end user (`owner`'s contact, `portalUser`), using
    /// the help center's own ticket reads, so exactly what the user's pages show goes into it.
    ///
    /// - Throws: `StoreError.notFound` when the portal user or the contact is gone.
    public func personalDataExport(owner: PortalTicketOwner, portalUser userID: Int64) throws -> PersonalDataExport {
        guard let user = try portalUser(org: owner.orgID, id: userID), user.contactID == owner.contactID,
              let contact = try contact(owner.contactID, for: .system(owner.orgID)) else { throw StoreError.notFound }
        var tickets: [PersonalDataExport.TicketPart] = []
        var from = 1
        while true {
            let page = try portalTickets(of: owner, page: Page(from: from, limit: Page.maxLimit))
            for ticket in page.tickets {
                tickets.append(.init(ticket: ticket, entries: try portalConversation(ofTicket: ticket.id, owner: owner)))
            }
            from += Page.maxLimit
            if page.tickets.count < Page.maxLimit || from > page.total { break }
        }
        tickets.sort { $0.ticket.ticketNumber < $1.ticket.ticketNumber }
        return PersonalDataExport(
            contact: contact, portalUser: user,
            emailChangeRequests: try privacyRequests(EmailChangeRequest.self, portalUser: userID, in: owner.orgID),
            erasureRequests: try privacyRequests(ErasureRequest.self, portalUser: userID, in: owner.orgID),
            tickets: tickets, createdAt: Store.now())
    }
}
