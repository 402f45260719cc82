import Foundation
import MariaDB

extension Store {
    /// A page of the attachments of a live ticket of the org (ticket, thread and comment attachments),
    /// oldest first (ties by id).
    /// - Throws: `StoreError.notFound` when the ticket is unknown, another org's, in the recycle bin, or out of the actor's reach.
    public func attachments(ofTicket ticketID: Int64, for actor: Actor, page: Page) throws -> [Attachment] {
        let org = actor.orgID
        try page.validate()
        try requireLiveTicket(ticketID, for: actor)
        return try connection.query("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id \(page.sql)
            """).map(Attachment.init(row:))
    }

    /// One attachment of a live ticket of the org; nil when unknown or on another ticket.
    /// - Throws: `StoreError.notFound` when the ticket is not a live ticket of the org that the actor may read.
    public func attachment(_ id: Int64, ofTicket ticketID: Int64, for actor: Actor) throws -> Attachment? {
        let org = actor.orgID
        try requireLiveTicket(ticketID, for: actor)
        return try connection.queryFirst("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            """).map(Attachment.init(row:))
    }

    /// The attachments linked to a thread of a ticket, oldest first (the ticket's liveness is the
    /// caller's check, as it read the thread).
    public func attachments(ofThread threadID: Int64, ticket ticketID: Int64, in org: Int64) throws -> [Attachment] {
        try connection.query("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND thread_id = \(threadID) AND deleted_at IS NULL
            ORDER BY created_at, id
            """).map(Attachment.init(row:))
    }

    /// The attachments linked to a comment of a ticket, oldest first.
    public func attachments(ofComment commentID: Int64, ticket ticketID: Int64, in org: Int64) throws -> [Attachment] {
        try connection.query("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND comment_id = \(commentID) AND deleted_at IS NULL
            ORDER BY created_at, id
            """).map(Attachment.init(row:))
    }

    /// The attachments of several comments of a ticket, by comment id (comments without any are absent).
    public func attachments(ofComments commentIDs: [Int64], ticket ticketID: Int64,
                            in org: Int64) throws -> [Int64: [Attachment]] {
        guard !commentIDs.isEmpty else { return [:] }
        let rows = try connection.query("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND comment_id IN (\(list: commentIDs))
                AND deleted_at IS NULL
            ORDER BY created_at, id
            """).map(Attachment.init(row:))
        return Dictionary(grouping: rows) { $0.commentID ?? 0 }
    }

    /// An upload of the org (linked or not, expired or not), e.g. to show it after `POST /uploads`.
    public func upload(_ id: Int64, in org: Int64) throws -> Attachment? {
        try connection.queryFirst("""
            SELECT \(Attachment.columns) FROM attachments WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(Attachment.init(row:))
    }

    /// Hands the bytes of `attachment` to `body` chunk by chunk, in order, reading one chunk row per
    /// query, so at most one chunk (256 KiB) is held at a time. The reads run in one transaction
    /// (REPEATABLE READ: one snapshot), so a concurrent delete cannot cut the file in the middle.
    /// - Throws: `StoreError.notFound` when the chunks do not add up to the attachment's size (it was
    ///   deleted before the first read); whatever `body` throws.
    public func readContent(of attachment: Attachment, in org: Int64, _ body: ([UInt8]) throws -> Void) throws {
        try connection.transaction(maxAttempts: 1) { connection in
            var seq: Int32 = 0
            var total: Int64 = 0
            while total < attachment.size {
                guard let row = try connection.queryFirst("""
                    SELECT data FROM attachment_chunks
                    WHERE org_id = \(org) AND attachment_id = \(attachment.id) AND seq = \(seq)
                    """) else { throw StoreError.notFound }
                let data: [UInt8] = try row.decode("data")
                total += Int64(data.count)
                try body(data)
                seq += 1
            }
            guard total == attachment.size else { throw StoreError.notFound }
        }
    }

    /// How many chunk rows an attachment has (tests and checks).
    public func chunkCount(ofAttachment id: Int64, in org: Int64) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM attachment_chunks WHERE org_id = \(org) AND attachment_id = \(id)
            """)?.decode("n") ?? 0
    }
}
