import Foundation
import MariaDB

extension Store {
    /// A page of the comments of a live ticket of the org, oldest first (ties by id).
    /// - Throws: `StoreError.notFound` when the ticket is unknown, another org's, or in the recycle bin.
    public func comments(ofTicket ticketID: Int64, in org: Int64, page: Page) throws -> [TicketComment] {
        try page.validate()
        try requireLiveTicket(ticketID, in: org)
        return try connection.query("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(page.sql)
            """).map(TicketComment.init(row:))
    }

    /// One comment of a live ticket of the org; nil when the comment is unknown or on another ticket.
    /// - Throws: `StoreError.notFound` when the ticket is not a live ticket of the org.
    public func comment(_ id: Int64, ofTicket ticketID: Int64, in org: Int64) throws -> TicketComment? {
        try requireLiveTicket(ticketID, in: org)
        return try connection.queryFirst("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(org) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            """).map(TicketComment.init(row:))
    }
}
