import Foundation
import MariaDB

extension Store {
    /// A page of the comments of a live ticket of the org, oldest first (ties by id).
    /// - Throws: `StoreError.notFound` when the ticket is unknown, another org's, in the recycle bin, or out of the actor's reach.
    public func comments(ofTicket ticketID: Int64, for actor: Actor, page: Page) throws -> [TicketComment] {
        let org = actor.orgID
        try page.validate()
        try requireLiveTicket(ticketID, for: actor)
        return try connection.query("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(page.sql)
            """).map(TicketComment.init(row:))
    }

    /// One comment of a live ticket of the org; nil when the comment is unknown or on another ticket.
    /// - Throws: `StoreError.notFound` when the ticket is not a live ticket of the org that the actor may read.
    public func comment(_ id: Int64, ofTicket ticketID: Int64, for actor: Actor) throws -> TicketComment? {
        let org = actor.orgID
        try requireLiveTicket(ticketID, for: actor)
        return try connection.queryFirst("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(org) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            """).map(TicketComment.init(row:))
    }
}
