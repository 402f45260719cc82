import Foundation

/// One page of an end user's own tickets, newest first, with the number of all of them (for paging).
public struct PortalTicketList: Sendable, Equatable {
    /// The page's tickets, newest first (ties by id, newest first).
    public let tickets: [Ticket]
    /// How many live tickets the end user has in all.
    public let total: Int
    /// The newest reply or public comment the end user can see, by ticket id (tickets without any absent).
    public let lastMessageAt: [Int64: Date]

    public init(tickets: [Ticket], total: Int, lastMessageAt: [Int64: Date] = [:]) {
        self.tickets = tickets
        self.total = total
        self.lastMessageAt = lastMessageAt
    }

    /// When the ticket last changed as its end user sees it: its own last change, or its newest visible
    /// reply or public comment when that is later.
    public func lastUpdate(of ticket: Ticket) -> Date {
        max(ticket.updatedAt, lastMessageAt[ticket.id] ?? ticket.updatedAt)
    }
}
