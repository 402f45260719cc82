import DeskCore
import DeskHTTP

/// A ticket as the API renders it (Zoho Desk v1 shape): IDs and the ticket number as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional. `encode(to:)` defines the shape;
/// `writeJSON(to:)` writes the same bytes directly (the hottest response of the API).
///
/// Fields hidden from the requesting agent by its profile (``FieldMask``) are left out, custom ones from
/// `cf` too; `id`, `ticketNumber`, `statusType` follows `status`, and the times are always shown. With
/// nothing hidden (administrators, most agents) each key costs one emptiness check.
struct TicketJSON: DirectJSONEncodable {
    let ticket: Ticket
    /// Hidden field api names (standard and `cf_…`).
    let hidden: Set<String>

    /// The ticket as the current request's agent may see it (``FieldMask/current``).
    init(ticket: Ticket) {
        self.ticket = ticket
        hidden = FieldMask.current.hidden(.tickets)
    }

    /// The ticket without the `hidden` fields.
    init(ticket: Ticket, hidden: Set<String>) {
        self.ticket = ticket
        self.hidden = hidden
    }

    /// Whether the field `name` is rendered.
    @inline(__always)
    private func shows(_ name: String) -> Bool {
        hidden.isEmpty || !hidden.contains(name)
    }

    private enum Key: String, CodingKey {
        case id, ticketNumber, subject, description, status, statusType, priority, channel, email, assigneeId,
             dueDate, classification, category, departmentId, contactId, cf, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(ticket.id), forKey: .id)
        try container.encode(String(ticket.ticketNumber), forKey: .ticketNumber)
        if shows("subject") { try container.encode(ticket.subject, forKey: .subject) }
        if shows("description") { try container.encode(ticket.description, forKey: .description) }
        if shows("status") {
            try container.encode(ticket.status.rawValue, forKey: .status)
            try container.encode(ticket.status.statusType, forKey: .statusType)
        }
        if shows("priority") { try container.encode(ticket.priority?.rawValue, forKey: .priority) }
        if shows("channel") { try container.encode(ticket.channel.rawValue, forKey: .channel) }
        if shows("email") { try container.encode(ticket.email, forKey: .email) }
        if shows("assigneeId") { try container.encode(ticket.assigneeID.map(String.init), forKey: .assigneeId) }
        if shows("dueDate") { try container.encode(ticket.dueDate.map(APITime.format), forKey: .dueDate) }
        if shows("classification") { try container.encode(ticket.classification?.rawValue, forKey: .classification) }
        if shows("category") { try container.encode(ticket.category, forKey: .category) }
        if shows("departmentId") { try container.encode(ticket.departmentID.map(String.init), forKey: .departmentId) }
        if shows("contactId") { try container.encode(ticket.contactID.map(String.init), forKey: .contactId) }
        try container.encode(CustomFieldValuesJSON(values: ticket.cf, hidden: hidden), forKey: .cf)
        try container.encode(APITime.format(ticket.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(ticket.updatedAt), forKey: .modifiedTime)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        if shows("assigneeId") {
            writer.key("assigneeId")
            writer.idString(ticket.assigneeID)
        }
        if shows("category") {
            writer.key("category")
            writer.string(ticket.category)
        }
        writer.key("cf")
        CustomFieldValuesJSON(values: ticket.cf, hidden: hidden).writeJSON(to: &writer)
        if shows("channel") {
            writer.key("channel")
            writer.string(ticket.channel.rawValue)
        }
        if shows("classification") {
            writer.key("classification")
            writer.string(ticket.classification?.rawValue)
        }
        if shows("contactId") {
            writer.key("contactId")
            writer.idString(ticket.contactID)
        }
        writer.key("createdTime")
        APITime.write(ticket.createdAt, to: &writer)
        if shows("departmentId") {
            writer.key("departmentId")
            writer.idString(ticket.departmentID)
        }
        if shows("description") {
            writer.key("description")
            writer.string(ticket.description)
        }
        if shows("dueDate") {
            writer.key("dueDate")
            APITime.write(ticket.dueDate, to: &writer)
        }
        if shows("email") {
            writer.key("email")
            writer.string(ticket.email)
        }
        writer.key("id")
        writer.idString(ticket.id)
        writer.key("modifiedTime")
        APITime.write(ticket.updatedAt, to: &writer)
        if shows("priority") {
            writer.key("priority")
            writer.string(ticket.priority?.rawValue)
        }
        if shows("status") {
            writer.key("status")
            writer.string(ticket.status.rawValue)
            writer.key("statusType")
            writer.string(ticket.status.statusType)
        }
        if shows("subject") {
            writer.key("subject")
            writer.string(ticket.subject)
        }
        writer.key("ticketNumber")
        writer.idString(ticket.ticketNumber)
        writer.endObject()
    }
}

/// The `{"data":[…]}` envelope of every list.
struct ListJSON<Item: Encodable>: Encodable {
    let data: [Item]
}

/// The body of `GET /api/v1/ticketsCount`.
struct CountJSON: Encodable {
    let count: Int
}
