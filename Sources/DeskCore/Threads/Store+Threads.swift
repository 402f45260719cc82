import Foundation
import MariaDB

extension Store {
    /// A page of the threads of a live ticket of the org, oldest first (ties by id).
    /// - Throws: `StoreError.notFound` when the ticket is unknown, another org's, in the recycle bin, or out of the actor's reach.
    public func threads(ofTicket ticketID: Int64, for actor: Actor, page: Page) throws -> [TicketThread] {
        let org = actor.orgID
        try page.validate()
        try requireLiveTicket(ticketID, for: actor)
        return try connection.query("""
            SELECT \(TicketThread.columns) FROM ticket_threads
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(page.sql)
            """).map(TicketThread.init(row:))
    }

    /// One thread of a live ticket of the org; nil when the thread is unknown or belongs to another ticket.
    /// - Throws: `StoreError.notFound` when the ticket is not a live ticket of the org that the actor may read.
    public func thread(_ id: Int64, ofTicket ticketID: Int64, for actor: Actor) throws -> TicketThread? {
        let org = actor.orgID
        try requireLiveTicket(ticketID, for: actor)
        return try connection.queryFirst("""
            SELECT \(TicketThread.columns) FROM ticket_threads
            WHERE org_id = \(org) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            """).map(TicketThread.init(row:))
    }

    /// Throws `StoreError.notFound` unless `ticketID` is a live ticket of the actor's org that the actor
    /// may read: a ticket's threads, comments and attachments are as visible as the ticket.
    func requireLiveTicket(_ ticketID: Int64, for actor: Actor) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM tickets
            WHERE org_id = \(actor.orgID) AND id = \(ticketID) AND deleted_at IS NULL AND \(actor.readCondition(.ticket))
            """)
        guard row != nil else { throw StoreError.notFound }
    }
}
