import Foundation

/// A partial update of a ticket: nil leaves a field as it is; for nullable fields `.some(nil)` clears it.
public struct TicketChanges: Sendable, Equatable {
    public var subject: String?
    public var description: String??
    public var status: TicketStatus?
    public var priority: TicketPriority??
    public var channel: TicketChannel?
    public var email: String??
    public var assigneeID: Int64??
    public var dueDate: Date??
    public var classification: TicketClassification??
    public var category: String??
    public var departmentID: Int64??
    public var contactID: Int64??
    /// Custom field values to set (`.null` clears) by api name; other custom fields stay.
    public var cf: [String: CustomFieldInput]

    public init(subject: String? = nil, description: String?? = nil, status: TicketStatus? = nil,
                priority: TicketPriority?? = nil, channel: TicketChannel? = nil, email: String?? = nil,
                assigneeID: Int64?? = nil, dueDate: Date?? = nil, classification: TicketClassification?? = nil,
                category: String?? = nil, departmentID: Int64?? = nil, contactID: Int64?? = nil,
                cf: [String: CustomFieldInput] = [:]) {
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.channel = channel
        self.email = email
        self.assigneeID = assigneeID
        self.dueDate = dueDate
        self.classification = classification
        self.category = category
        self.departmentID = departmentID
        self.contactID = contactID
        self.cf = cf
    }
}
