/// One page of an end user's own tickets, newest first, with the number of all of them (for paging).
public struct PortalTicketList: Sendable, Equatable {
    /// The page's tickets, newest first (ties by id, newest first).
    public let tickets: [Ticket]
    /// How many live tickets the end user has in all.
    public let total: Int

    public init(tickets: [Ticket], total: Int) {
        self.tickets = tickets
        self.total = total
    }
}
