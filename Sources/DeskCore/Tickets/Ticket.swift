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
    public let classification: TicketClassification?
    /// Free text, at most 100 characters.
    public let category: String?
    /// A department of the org.
    public let departmentID: Int64?
    /// A contact of the org.
    public let contactID: Int64?
    /// The custom field values, with every ticket custom field's api name.
    public let cf: CustomFieldValues
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
                deletedAt: Date?, deletedBy: Int64?, classification: TicketClassification? = nil,
                category: String? = nil, departmentID: Int64? = nil, contactID: Int64? = nil,
                cf: CustomFieldValues = .empty) {
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
        self.classification = classification
        self.category = category
        self.departmentID = departmentID
        self.contactID = contactID
        self.cf = cf
    }

    /// Decoded in the order of ``columns`` (a ``RowReader`` then looks up no column by name).
    init(row: Row) throws {
        var row = row.reader
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"),
                  ticketNumber: try row.decode("ticket_number"), subject: try row.decode("subject"),
                  description: try row.decode("description"), status: try row.decodeRaw("status"),
                  priority: try row.decodeRawOptional("priority"), channel: try row.decodeRaw("channel"),
                  email: try row.decode("email"), assigneeID: try row.decode("assignee_id"),
                  dueDate: try row.decode("due_date"), createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"),
                  deletedAt: try row.decode("deleted_at"), deletedBy: try row.decode("deleted_by"),
                  classification: try row.decodeRawOptional("classification"), category: try row.decode("category"),
                  departmentID: try row.decode("department_id"), contactID: try row.decode("contact_id"),
                  cf: try CustomFieldValues(row: row.row))
    }

    static let columns: SQL = """
        id, org_id, ticket_number, subject, description, status, priority, channel, email, assignee_id, \
        due_date, created_at, updated_at, version, deleted_at, deleted_by, classification, category, department_id, \
        contact_id, cf
        """

    /// ``columns`` and whether the org has ticket custom fields (`cf_any`): for reads inside a write transaction.
    static func readColumns(org: Int64) -> SQL {
        "\(columns), \(CustomFieldValues.columns(org: org, module: .tickets))"
    }

    /// This ticket with the given custom field values.
    func with(cf: CustomFieldValues) -> Ticket {
        Ticket(id: id, orgID: orgID, ticketNumber: ticketNumber, subject: subject, description: description,
               status: status, priority: priority, channel: channel, email: email, assigneeID: assigneeID,
               dueDate: dueDate, createdAt: createdAt, updatedAt: updatedAt, version: version, deletedAt: deletedAt,
               deletedBy: deletedBy, classification: classification, category: category,
               departmentID: departmentID, contactID: contactID, cf: cf)
    }
}

extension Ticket: CustomFieldRecord {
    static var customFieldModule: CustomFieldModule { .tickets }
}
