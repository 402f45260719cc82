import Foundation
import MariaDB

extension WriteTransaction {
    /// How long an unlinked upload stays usable.
    public static let uploadLifetime: TimeInterval = 24 * 60 * 60

    /// Attaches `file` to a live ticket of the org: the metadata row and its chunks, audited 'create'
    /// (record type "attachment") with its fields.
    /// Needs edit reach on the ticket.
    /// - Throws: `StoreError.notFound` for a ticket that is not live in the org or out of the actor's
    ///   reach; `.forbidden` for a ticket the actor may only read.
    public func addAttachment(toTicket ticketID: Int64, _ file: AttachmentFile) throws -> Attachment {
        try lockLiveTicket(ticketID, toWrite: true)
        return try insertAttachment(file, ticketID: ticketID, expiresAt: nil)
    }

    /// Stores `file` as an upload of the acting agent: not linked to any ticket, usable by
    /// ``linkUploads(_:toTicket:thread:comment:)`` for 24 hours. Audited 'create' (record type
    /// "attachment") with its fields and `expiresTime`.
    public func createUpload(_ file: AttachmentFile) throws -> Attachment {
        try insertAttachment(file, ticketID: nil, expiresAt: now.addingTimeInterval(Self.uploadLifetime))
    }

    /// Deletes an attachment of a live ticket for good, with its chunks; audited 'delete' with its size.
    /// Needs edit reach on the ticket.
    /// - Throws: `StoreError.notFound` (ticket or attachment, or a ticket out of reach), `.forbidden`.
    public func deleteAttachment(_ id: Int64, ofTicket ticketID: Int64) throws {
        try lockLiveTicket(ticketID, toWrite: true)
        let locked = try connection.queryFirst("""
            SELECT id FROM attachments
            WHERE org_id = \(orgID) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL FOR UPDATE
            """)
        guard locked != nil else { throw StoreError.notFound }
        try removeAttachments([id])
    }

    /// Links the acting agent's unexpired, unlinked uploads `ids` (in the request's order) to a ticket and
    /// one of its threads or comments, each audited 'update' (ticketId, threadId or commentId, expiresTime).
    /// The ticket must already be locked live by the caller (sendReply, addComment do).
    /// - Throws: ``UploadLinkError`` naming the first id that is unknown, another org's or agent's,
    ///   expired, already linked, or repeated.
    public func linkUploads(_ ids: [Int64], toTicket ticketID: Int64, thread threadID: Int64? = nil,
                            comment commentID: Int64? = nil) throws {
        guard !ids.isEmpty else { return }
        let unique = Array(Set(ids)).sorted()
        let rows = try connection.query("""
            SELECT id, expires_at FROM attachments
            WHERE org_id = \(orgID) AND id IN (\(list: unique)) AND ticket_id IS NULL AND deleted_at IS NULL
                AND creator_id = \(actor.agentID) AND expires_at > \(now)
            ORDER BY id FOR UPDATE
            """)
        var usable: [Int64: Date] = [:]
        for row in rows { usable[try row.decode("id")] = try row.decode("expires_at") }
        var seen = Set<Int64>()
        for (index, id) in ids.enumerated() {
            guard usable[id] != nil, seen.insert(id).inserted else { throw UploadLinkError(index: index) }
        }
        for id in ids {
            try connection.execute("""
                UPDATE attachments SET ticket_id = \(ticketID), thread_id = \(threadID), comment_id = \(commentID),
                    expires_at = NULL, updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(id)
                """)
            var changes = [FieldChange(field: "ticketId", old: nil, new: String(ticketID))]
            if let threadID { changes.append(FieldChange(field: "threadId", old: nil, new: String(threadID))) }
            if let commentID { changes.append(FieldChange(field: "commentId", old: nil, new: String(commentID))) }
            changes.append(FieldChange(field: "expiresTime", old: usable[id].map { AuditText.date($0) }, new: nil))
            try audit(.update, "attachment", id, changes)
        }
    }

    /// Deletes, with their chunks, up to `limit` of the org's uploads that expired unlinked; each audited
    /// 'delete'. Returns how many. A bounded batch, so it can run on the side of a request.
    @discardableResult
    public func purgeExpiredUploads(limit: Int = 20) throws -> Int {
        let ids: [Int64] = try connection.query("""
            SELECT id FROM attachments
            WHERE org_id = \(orgID) AND expires_at <= \(now) AND ticket_id IS NULL
            ORDER BY expires_at, id LIMIT \(limit) FOR UPDATE
            """).map { try $0.decode("id") }
        try removeAttachments(ids)
        return ids.count
    }

    /// Deletes every attachment of a ticket (permanent delete of the ticket), with all their chunks.
    func deleteAttachments(ofTicket ticketID: Int64) throws {
        try removeAttachments(lockedAttachmentIDs("ticket_id = \(ticketID)"))
    }

    /// Deletes every attachment of a comment (the comment is deleted), with their chunks.
    func deleteAttachments(ofComment commentID: Int64) throws {
        try removeAttachments(lockedAttachmentIDs("comment_id = \(commentID)"))
    }

    private func lockedAttachmentIDs(_ condition: SQL) throws -> [Int64] {
        try connection.query("""
            SELECT id FROM attachments WHERE org_id = \(orgID) AND \(condition) ORDER BY id FOR UPDATE
            """).map { try $0.decode("id") }
    }

    /// Removes the (already locked) attachment rows and their chunk rows, auditing 'delete' for each
    /// with its size only (the file name may be personal).
    private func removeAttachments(_ ids: [Int64]) throws {
        for id in ids {
            let size: Int64? = try connection.queryFirst("""
                SELECT size FROM attachments WHERE org_id = \(orgID) AND id = \(id)
                """)?.decode("size")
            try connection.execute("""
                DELETE FROM attachment_chunks WHERE org_id = \(orgID) AND attachment_id = \(id)
                """)
            try connection.execute("""
                DELETE FROM attachments WHERE org_id = \(orgID) AND id = \(id)
                """)
            try audit(.delete, "attachment", id, [FieldChange(field: "size", old: size.map { String($0) }, new: nil)])
        }
    }

    /// Inserts the metadata row and the chunks of `file` as the acting agent's, and audits 'create'.
    private func insertAttachment(_ file: AttachmentFile, ticketID: Int64?, expiresAt: Date?) throws -> Attachment {
        try storeAttachment(file, at: AttachmentPlace(ticketID: ticketID, threadID: nil, commentID: nil),
                            isPublic: file.isPublic, creatorID: actor.agentID, expiresAt: expiresAt)
    }

    /// Where an attachment hangs: its ticket (nil for an upload not linked yet) and, within it, a thread
    /// or a comment.
    struct AttachmentPlace {
        let ticketID: Int64?
        let threadID: Int64?
        let commentID: Int64?
    }

    /// Inserts the metadata row and the chunks (at most 256 KiB each) of `file`, reads the row back and
    /// audits 'create' (record type "attachment") with its fields: the one insert of an attachment, for
    /// agents' files and end users' alike.
    func storeAttachment(_ file: AttachmentFile, at place: AttachmentPlace, isPublic: Bool, creatorID: Int64,
                         expiresAt: Date?) throws -> Attachment {
        let id = store.ids.next()
        let digest = SHA256Digest.hash(file.bytes)
        try connection.execute("""
            INSERT INTO attachments (org_id, id, ticket_id, thread_id, comment_id, file_name, content_type, size,
                                     sha256, is_public, creator_id, expires_at, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(place.ticketID), \(place.threadID), \(place.commentID), \(file.fileName),
                    \(file.contentType), \(Int64(file.bytes.count)), \(digest), \(isPublic), \(creatorID), \(expiresAt),
                    \(now), \(now), 1)
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
        var changes: [FieldChange] = []
        if let ticketID = place.ticketID { changes.append(FieldChange(field: "ticketId", old: nil, new: String(ticketID))) }
        if let threadID = place.threadID { changes.append(FieldChange(field: "threadId", old: nil, new: String(threadID))) }
        if let commentID = place.commentID {
            changes.append(FieldChange(field: "commentId", old: nil, new: String(commentID)))
        }
        changes += [
            FieldChange(field: "name", old: nil, new: attachment.fileName),
            FieldChange(field: "contentType", old: nil, new: attachment.contentType),
            FieldChange(field: "size", old: nil, new: String(attachment.size)),
            FieldChange(field: "sha256", old: nil, new: attachment.sha256Hex),
            FieldChange(field: "isPublic", old: nil, new: String(attachment.isPublic)),
            FieldChange(field: "creatorId", old: nil, new: String(attachment.creatorID)),
        ]
        if let expiresAt { changes.append(FieldChange(field: "expiresTime", old: nil, new: AuditText.date(expiresAt))) }
        try audit(.create, "attachment", id, changes)
        return attachment
    }
}
