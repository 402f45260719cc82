import Foundation
import MariaDB

extension Store {
    /// A page of the threads of a live ticket of the org, oldest first (ties by id).
    /// - Throws: `StoreError.notFound` when the ticket is unknown, another org's, or in the recycle bin.
    public func threads(ofTicket ticketID: Int64, in org: Int64, page: Page) throws -> [TicketThread] {
        try page.validate()
        try requireLiveTicket(ticketID, in: org)
        return try connection.query("""
            SELECT \(TicketThread.columns) FROM ticket_threads
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(page.sql)
            """).map(TicketThread.init(row:))
    }

    /// One thread of a live ticket of the org; nil when the thread is unknown or belongs to another ticket.
    /// - Throws: `StoreError.notFound` when the ticket is not a live ticket of the org.
    public func thread(_ id: Int64, ofTicket ticketID: Int64, in org: Int64) throws -> TicketThread? {
        try requireLiveTicket(ticketID, in: org)
        return try connection.queryFirst("""
            SELECT \(TicketThread.columns) FROM ticket_threads
            WHERE org_id = \(org) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            """).map(TicketThread.init(row:))
    }

    /// Throws `StoreError.notFound` unless `ticketID` is a live ticket of the org.
    func requireLiveTicket(_ ticketID: Int64, in org: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM tickets WHERE org_id = \(org) AND id = \(ticketID) AND deleted_at IS NULL
            """)
        guard row != nil else { throw StoreError.notFound }
    }
}
