import Foundation
import MariaDB

/// A support request of an org.
public struct Ticket: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// Per-org, human-facing number.
    public let ticketNumber: Int64
    public let subject: String
    public let description: String?
    public let status: TicketStatus
    public let priority: TicketPriority?
    public let channel: TicketChannel
    /// The contact's email.
    public let email: String?
    public let assigneeID: Int64?
    public let dueDate: Date?
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write; the ETag.
    public let version: Int64
    /// Set while the ticket is in the recycle bin.
    public let deletedAt: Date?
    public let deletedBy: Int64?

    /// Zoho's status type of ``status``.
    public var statusType: String { status.statusType }

    public init(id: Int64, orgID: Int64, ticketNumber: Int64, subject: String, description: String?,
                status: TicketStatus, priority: TicketPriority?, channel: TicketChannel, email: String?,
                assigneeID: Int64?, dueDate: Date?, createdAt: Date, updatedAt: Date, version: Int64,
                deletedAt: Date?, deletedBy: Int64?) {
        self.id = id
        self.orgID = orgID
        self.ticketNumber = ticketNumber
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.channel = channel
        self.email = email
        self.assigneeID = assigneeID
        self.dueDate = dueDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.deletedAt = deletedAt
        self.deletedBy = deletedBy
    }

    init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"),
                  ticketNumber: try row.decode("ticket_number"), subject: try row.decode("subject"),
                  description: try row.decode("description"), status: try row.decodeRaw("status"),
                  priority: try row.decodeRawOptional("priority"), channel: try row.decodeRaw("channel"),
                  email: try row.decode("email"), assigneeID: try row.decode("assignee_id"),
                  dueDate: try row.decode("due_date"), createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"),
                  deletedAt: try row.decode("deleted_at"), deletedBy: try row.decode("deleted_by"))
    }

    static let columns: SQL = """
        org_id, id, ticket_number, subject, description, status, priority, channel, email, assignee_id, \
        due_date, created_at, updated_at, version, deleted_at, deleted_by
        """
}
