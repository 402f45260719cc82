/// The end user a help-center ticket read or write is for: a contact of an org. Every end-user ticket
/// function confines itself to the tickets whose `contact_id` is ``contactID`` in ``orgID``; anything
/// else answers exactly like a ticket that does not exist.
public struct PortalTicketOwner: Sendable, Equatable {
    /// The org of the help center.
    public let orgID: Int64
    /// The end user's contact record.
    public let contactID: Int64

    public init(orgID: Int64, contactID: Int64) {
        self.orgID = orgID
        self.contactID = contactID
    }
}
