import Foundation
import MariaDB

extension Store {
    /// A page of a live ticket's threads and comments merged, oldest first (ties by id).
    ///
    /// Reads at most `from - 1 + limit` of each kind through its ticket index and merges them here, so a
    /// page costs two indexed queries.
    /// - Throws: `StoreError.notFound` when the ticket is unknown, another org's, in the recycle bin, or out of the actor's reach.
    public func conversations(ofTicket ticketID: Int64, for actor: Actor, page: Page) throws -> [Conversation] {
        let org = actor.orgID
        try page.validate()
        try requireLiveTicket(ticketID, for: actor)
        let head = Page(from: 1, limit: page.from - 1 + page.limit)
        let threads = try connection.query("""
            SELECT \(TicketThread.columns) FROM ticket_threads
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(head.sql)
            """).map { Conversation.thread(try TicketThread(row: $0)) }
        let comments = try connection.query("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(head.sql)
            """).map { Conversation.comment(try TicketComment(row: $0)) }
        let merged = (threads + comments).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return Array(merged.dropFirst(page.from - 1).prefix(page.limit))
    }
}
