/// The record types that go through the recycle bin — a fixed allow-list, so the table names and
/// expressions below are the only raw SQL the recycle bin uses.
struct RecordKind: Sendable, Equatable {
    /// The audit `record_type` and the recycle bin's type ("ticket", "contact", "account").
    let recordType: String
    /// The table (allow-listed).
    let table: String
    /// The SQL expression of the record's display name in the recycle bin (allow-listed).
    let displayName: String
    /// The one field a permanent delete audits — never a personal value — as (API field, column); nil
    /// when the entry holds no field.
    let deleteKey: (field: String, column: String)?
    /// The shared module whose sharing settings decide who reaches these records.
    let module: AccessModule
    /// The owner column (a ticket's assignee; allow-listed).
    let ownerColumn: String
    /// The department column, for modules shared by department (tickets; allow-listed).
    let departmentColumn: String?

    static let ticket = RecordKind(recordType: "ticket", table: "tickets", displayName: "subject",
                                   deleteKey: ("ticketNumber", "ticket_number"), module: .tickets,
                                   ownerColumn: "assignee_id", departmentColumn: "department_id")
    static let contact = RecordKind(recordType: "contact", table: "contacts",
                                    displayName: "CONCAT_WS(' ', first_name, last_name)", deleteKey: nil,
                                    module: .contacts, ownerColumn: "owner_id", departmentColumn: nil)
    static let account = RecordKind(recordType: "account", table: "accounts", displayName: "account_name",
                                    deleteKey: nil, module: .accounts, ownerColumn: "owner_id", departmentColumn: nil)

    /// Every kind, in the order their rows are locked (always the same order, so writes do not deadlock).
    static let all: [RecordKind] = [.ticket, .contact, .account]

    static func == (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.recordType == rhs.recordType }
}
