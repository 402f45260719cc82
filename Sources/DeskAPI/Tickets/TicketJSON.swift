import DeskCore

/// A ticket as the API renders it (Zoho Desk v1 shape): IDs and the ticket number as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional.
struct TicketJSON: Encodable {
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
}

/// The `{"data":[…]}` envelope of every list.
struct ListJSON<Item: Encodable>: Encodable {
    let data: [Item]
}

/// The body of `GET /api/v1/ticketsCount`.
struct CountJSON: Encodable {
    let count: Int
}
