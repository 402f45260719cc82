import Foundation
import MariaDB

extension WriteTransaction {
    /// Stores an end user's file as a public attachment of their ticket (and of one of its threads or
    /// comments): the metadata row, with the contact as creator, and its chunks of at most 256 KiB;
    /// audited 'create' (record type "attachment") with its fields. The caller has locked the ticket.
    @discardableResult
    func insertPortalAttachment(_ file: AttachmentFile, owner: PortalTicketOwner, ticketID: Int64, threadID: Int64?,
                                commentID: Int64?) throws -> Attachment {
        let id = store.ids.next()
        let digest = SHA256Digest.hash(file.bytes)
        try connection.execute("""
            INSERT INTO attachments (org_id, id, ticket_id, thread_id, comment_id, file_name, content_type, size,
                                     sha256, is_public, creator_id, expires_at, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(ticketID), \(threadID), \(commentID), \(file.fileName), \(file.contentType),
                    \(Int64(file.bytes.count)), \(digest), \(true), \(owner.contactID), \(Date?.none), \(now), \(now), 1)
            """)
        for (seq, range) in AttachmentChunking.ranges(count: file.bytes.count).enumerated() {
            try connection.execute("""
                INSERT INTO attachment_chunks (org_id, attachment_id, seq, data)
                VALUES (\(orgID), \(id), \(Int32(seq)), \(Array(file.bytes[range])))
                """)
        }
        guard let attachment = try connection.queryFirst("""
            SELECT \(Attachment.columns) FROM attachments WHERE org_id = \(orgID) AND id = \(id)
            """).map(Attachment.init(row:)) else { throw StoreError.notFound }
        var changes = [FieldChange(field: "ticketId", old: nil, new: String(ticketID))]
        if let threadID { changes.append(FieldChange(field: "threadId", old: nil, new: String(threadID))) }
        if let commentID { changes.append(FieldChange(field: "commentId", old: nil, new: String(commentID))) }
        changes += [
            FieldChange(field: "name", old: nil, new: attachment.fileName),
            FieldChange(field: "contentType", old: nil, new: attachment.contentType),
            FieldChange(field: "size", old: nil, new: String(attachment.size)),
            FieldChange(field: "sha256", old: nil, new: attachment.sha256Hex),
            FieldChange(field: "isPublic", old: nil, new: String(attachment.isPublic)),
            FieldChange(field: "creatorId", old: nil, new: String(attachment.creatorID)),
        ]
        try audit(.create, "attachment", id, changes)
        return attachment
    }
}
