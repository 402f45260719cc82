/// A ticket's audited fields as text, by API field name, in a fixed order (custom fields as `cf.<api name>`).
enum TicketFields {
    static let maxCategory = 100

    static func values(of ticket: Ticket) -> [(field: String, value: String?)] {
        [
            ("ticketNumber", String(ticket.ticketNumber)),
            ("subject", ticket.subject),
            ("description", ticket.description),
            ("status", ticket.status.rawValue),
            ("priority", ticket.priority?.rawValue),
            ("channel", ticket.channel.rawValue),
            ("email", ticket.email),
            ("assigneeId", AuditText.id(ticket.assigneeID)),
            ("dueDate", AuditText.date(ticket.dueDate)),
            ("classification", ticket.classification?.rawValue),
            ("category", ticket.category),
            ("departmentId", AuditText.id(ticket.departmentID)),
            ("contactId", AuditText.id(ticket.contactID)),
        ] + ticket.cf.auditFields
    }
}
