import Foundation
import MariaDB

extension Store {
    /// A live ticket of the org; nil when unknown, another org's, or in the recycle bin.
    public func ticket(_ id: Int64, in org: Int64) throws -> Ticket? {
        try Ticket.decode(one: connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """), org: org, connection: connection)
    }

    /// A live ticket of the org by its ticket number.
    public func ticket(number: Int64, in org: Int64) throws -> Ticket? {
        try Ticket.decode(one: connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets
            WHERE org_id = \(org) AND ticket_number = \(number) AND deleted_at IS NULL
            """), org: org, connection: connection)
    }

    /// A page of the org's live tickets matching `filter`, in `sort` order (ties by id).
    public func tickets(in org: Int64, filter: TicketFilter, sort: TicketSort, page: Page) throws -> [Ticket] {
        try page.validate()
        let direction = sort.descending ? "DESC" : "ASC"
        return try Ticket.decode(connection.query("""
            SELECT \(Ticket.columns) FROM tickets WHERE \(Self.conditions(org: org, filter))
            ORDER BY \(unsafeRaw: sort.field.column) \(unsafeRaw: direction), id \(unsafeRaw: direction)
            \(page.sql)
            """), org: org, connection: connection)   // allow-listed: TicketSort.Field.column and ASC/DESC
    }

    /// How many live tickets of the org match `filter`.
    public func ticketCount(in org: Int64, filter: TicketFilter) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM tickets WHERE \(Self.conditions(org: org, filter))
            """)?.decode("n") ?? 0
    }

    static func conditions(org: Int64, _ filter: TicketFilter) -> SQL {
        var parts: [SQL] = ["org_id = \(org)", "deleted_at IS NULL"]
        if let status = filter.status { parts.append("status = \(status.rawValue)") }
        if let priority = filter.priority { parts.append("priority = \(priority.rawValue)") }
        if let channel = filter.channel { parts.append("channel = \(channel.rawValue)") }
        if let assignee = filter.assigneeID { parts.append("assignee_id = \(assignee)") }
        if let department = filter.departmentID { parts.append("department_id = \(department)") }
        if let contact = filter.contactID { parts.append("contact_id = \(contact)") }
        if let from = filter.createdFrom { parts.append("created_at >= \(from)") }
        if let to = filter.createdTo { parts.append("created_at <= \(to)") }
        if let from = filter.modifiedFrom { parts.append("updated_at >= \(from)") }
        if let to = filter.modifiedTo { parts.append("updated_at <= \(to)") }
        return SQL.joined(parts, separator: " AND ")
    }
}
