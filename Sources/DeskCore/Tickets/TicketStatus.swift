/// A ticket's status (Zoho Desk's default set).
public enum TicketStatus: String, Sendable, CaseIterable {
    case open = "Open"
    case onHold = "On Hold"
    case escalated = "Escalated"
    case closed = "Closed"

    /// Zoho's status type: "Open", "On Hold" or "Closed" (escalated tickets are open).
    public var statusType: String {
        switch self {
        case .open, .escalated: "Open"
        case .onHold: "On Hold"
        case .closed: "Closed"
        }
    }
}
