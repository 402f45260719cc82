import DeskCore
import DeskHTTP

/// A ticket as the API renders it (Zoho Desk v1 shape): IDs and the ticket number as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional. `encode(to:)` defines the shape;
/// `writeJSON(to:)` writes the same bytes directly (the hottest response of the API).
struct TicketJSON: DirectJSONEncodable {
    let ticket: Ticket

    private enum Key: String, CodingKey {
        case id, ticketNumber, subject, description, status, statusType, priority, channel, email, assigneeId,
             dueDate, classification, category, departmentId, contactId, cf, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(ticket.id), forKey: .id)
        try container.encode(String(ticket.ticketNumber), forKey: .ticketNumber)
        try container.encode(ticket.subject, forKey: .subject)
        try container.encode(ticket.description, forKey: .description)
        try container.encode(ticket.status.rawValue, forKey: .status)
        try container.encode(ticket.status.statusType, forKey: .statusType)
        try container.encode(ticket.priority?.rawValue, forKey: .priority)
        try container.encode(ticket.channel.rawValue, forKey: .channel)
        try container.encode(ticket.email, forKey: .email)
        try container.encode(ticket.assigneeID.map(String.init), forKey: .assigneeId)
        try container.encode(ticket.dueDate.map(APITime.format), forKey: .dueDate)
        try container.encode(ticket.classification?.rawValue, forKey: .classification)
        try container.encode(ticket.category, forKey: .category)
        try container.encode(ticket.departmentID.map(String.init), forKey: .departmentId)
        try container.encode(ticket.contactID.map(String.init), forKey: .contactId)
        try container.encode(CustomFieldValuesJSON(values: ticket.cf), forKey: .cf)
        try container.encode(APITime.format(ticket.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(ticket.updatedAt), forKey: .modifiedTime)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("assigneeId")
        writer.idString(ticket.assigneeID)
        writer.key("category")
        writer.string(ticket.category)
        writer.key("cf")
        CustomFieldValuesJSON(values: ticket.cf).writeJSON(to: &writer)
        writer.key("channel")
        writer.string(ticket.channel.rawValue)
        writer.key("classification")
        writer.string(ticket.classification?.rawValue)
        writer.key("contactId")
        writer.idString(ticket.contactID)
        writer.key("createdTime")
        writer.string(APITime.format(ticket.createdAt))
        writer.key("departmentId")
        writer.idString(ticket.departmentID)
        writer.key("description")
        writer.string(ticket.description)
        writer.key("dueDate")
        writer.string(ticket.dueDate.map(APITime.format))
        writer.key("email")
        writer.string(ticket.email)
        writer.key("id")
        writer.idString(ticket.id)
        writer.key("modifiedTime")
        writer.string(APITime.format(ticket.updatedAt))
        writer.key("priority")
        writer.string(ticket.priority?.rawValue)
        writer.key("status")
        writer.string(ticket.status.rawValue)
        writer.key("statusType")
        writer.string(ticket.status.statusType)
        writer.key("subject")
        writer.string(ticket.subject)
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
