import Foundation

/// Which live tickets to list or count; nil fields do not filter. Time bounds are inclusive.
public struct TicketFilter: Sendable, Equatable {
    public var status: TicketStatus?
    public var priority: TicketPriority?
    public var channel: TicketChannel?
    public var assigneeID: Int64?
    public var departmentID: Int64?
    public var contactID: Int64?
    public var createdFrom: Date?
    public var createdTo: Date?
    public var modifiedFrom: Date?
    public var modifiedTo: Date?

    public init(status: TicketStatus? = nil, priority: TicketPriority? = nil, channel: TicketChannel? = nil,
                assigneeID: Int64? = nil, createdFrom: Date? = nil, createdTo: Date? = nil,
                modifiedFrom: Date? = nil, modifiedTo: Date? = nil, departmentID: Int64? = nil,
                contactID: Int64? = nil) {
        self.status = status
        self.priority = priority
        self.channel = channel
        self.assigneeID = assigneeID
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.modifiedFrom = modifiedFrom
        self.modifiedTo = modifiedTo
        self.departmentID = departmentID
        self.contactID = contactID
    }
}
