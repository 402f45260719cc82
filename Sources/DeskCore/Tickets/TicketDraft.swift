import Foundation

/// The fields of a new ticket.
public struct TicketDraft: Sendable, Equatable {
    public var subject: String
    public var description: String?
    public var status: TicketStatus
    public var priority: TicketPriority?
    public var channel: TicketChannel
    public var email: String?
    public var assigneeID: Int64?
    public var dueDate: Date?

    public init(subject: String, description: String? = nil, status: TicketStatus = .open,
                priority: TicketPriority? = nil, channel: TicketChannel = .web, email: String? = nil,
                assigneeID: Int64? = nil, dueDate: Date? = nil) {
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.channel = channel
        self.email = email
        self.assigneeID = assigneeID
        self.dueDate = dueDate
    }
}
