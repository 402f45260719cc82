import Foundation
import MariaDB

extension Store {
    /// A live ticket of the actor's org that the actor may read (``Actor/readCondition(_:)``); nil when
    /// unknown, another org's, in the recycle bin, or out of the actor's reach.
    ///
    /// The API's most frequent read: the statement starts from text built once (``byIDPrefix``), and
    /// names the primary key as the only index to consider. The lookup is by the whole primary key
    /// anyway; without the hint MariaDB's optimizer weighs every index that starts with `org_id` or holds
    /// `deleted_at` on each execution (a quarter of its work for this statement).
    public func ticket(_ id: Int64, for actor: Actor) throws -> Ticket? {
        let org = actor.orgID
        let reach = actor.readCondition(.ticket)
        var bindings: [Value] = [.int(org), .int(id)]
        if !reach.bindings.isEmpty { bindings += reach.bindings }
        let sql = SQL(unsafeRaw: Self.byIDPrefix + reach.text, bindings: bindings)
        return try Ticket.decode(one: connection.queryFirst(sql), org: org, connection: connection)
    }

    /// `SELECT … WHERE org_id = ? AND id = ? AND deleted_at IS NULL AND `: ``ticket(_:for:)`` appends the
    /// reach condition.
    private static let byIDPrefix = "SELECT " + Ticket.columns.text
        + " FROM tickets USE INDEX (PRIMARY) WHERE org_id = ? AND id = ? AND deleted_at IS NULL AND "

    /// A live ticket the actor may read, by its ticket number.
    public func ticket(number: Int64, for actor: Actor) throws -> Ticket? {
        let org = actor.orgID
        return try Ticket.decode(one: connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets
            WHERE org_id = \(org) AND ticket_number = \(number) AND deleted_at IS NULL
                AND \(actor.readCondition(.ticket))
            """), org: org, connection: connection)
    }

    /// A page of the live tickets the actor may read matching `filter`, in `sort` order (ties by id).
    /// The reach is part of the `WHERE` clause, so pages are exact and the list stays index-backed.
    public func tickets(for actor: Actor, filter: TicketFilter, sort: TicketSort, page: Page) throws -> [Ticket] {
        try page.validate()
        if let query = Self.reachPageQuery(actor, filter: filter, sort: sort, page: page) {
            return try Ticket.decode(connection.query(query), org: actor.orgID, connection: connection)
        }
        let direction = sort.descending ? "DESC" : "ASC"
        return try Ticket.decode(connection.query("""
            SELECT \(Ticket.columns) FROM tickets WHERE \(Self.conditions(actor, filter))
            ORDER BY \(unsafeRaw: sort.field.column) \(unsafeRaw: direction), id \(unsafeRaw: direction)
            \(page.sql)
            """), org: actor.orgID, connection: connection)   // allow-listed: TicketSort.Field.column and ASC/DESC
    }

    /// How many live tickets the actor may read match `filter`.
    public func ticketCount(for actor: Actor, filter: TicketFilter) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM tickets WHERE \(Self.conditions(actor, filter))
            """)?.decode("n") ?? 0
    }

    /// The conditions of the live tickets of the actor's org within its reach that match `filter`.
    static func conditions(_ actor: Actor, _ filter: TicketFilter) -> SQL {
        guard !actor.access.isAdministrator else { return conditions(org: actor.orgID, filter) }
        return conditions(org: actor.orgID, filter) + " AND " + actor.readCondition(.ticket)
    }

    /// The conditions of the org's live tickets that match `filter`, whatever the reach.
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
