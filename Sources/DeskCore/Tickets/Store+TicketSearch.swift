import Foundation
import MariaDB

extension Store {
    /// A page of the live tickets the actor may read matching `search`, in `sort` order (ties by id), and
    /// how many match in all. Tickets in the recycle bin never match.
    ///
    /// - Throws: `StoreError.invalid` naming the search parameter of an empty or over-long text.
    public func searchTickets(for actor: Actor, search: TicketSearch, sort: TicketSort,
                              page: Page) throws -> (tickets: [Ticket], count: Int) {
        try page.validate()
        let conditions = try search.conditions(actor)
        let direction = sort.descending ? "DESC" : "ASC"
        let tickets = try Ticket.decode(connection.query("""
            SELECT \(Ticket.columns) FROM tickets WHERE \(conditions)
            ORDER BY \(unsafeRaw: sort.field.column) \(unsafeRaw: direction), id \(unsafeRaw: direction)
            \(page.sql)
            """), org: actor.orgID, connection: connection)   // allow-listed: TicketSort.Field.column and ASC/DESC
        let count: Int = try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM tickets WHERE \(conditions)
            """)?.decode("n") ?? 0
        return (tickets, count)
    }
}
