import Foundation
import MariaDB

extension WriteTransaction {
    /// Adds the acting agent's comment to a live ticket of the org; audits 'create' (record type
    /// "comment") with every field, then links the draft's uploads to it (see `linkUploads`). Commenting
    /// needs only read reach on the ticket (a Light Agent or a public-read-only colleague may comment).
    /// - Throws: `StoreError.notFound` for a ticket that is not live in the org or that the actor cannot
    ///   read; `.invalid` for content
    ///   that is empty or longer than 65535 characters; `UploadLinkError` for an unusable upload id.
    public func addComment(toTicket ticketID: Int64, _ draft: CommentDraft) throws -> TicketComment {
        try Validation.text(draft.content, field: "content", max: Self.maxContent)
        try lockLiveTicket(ticketID, toWrite: false)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO ticket_comments (org_id, id, ticket_id, content, content_type, is_public, commenter_id,
                                         commenter_type, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(ticketID), \(draft.content), \(draft.contentType.rawValue), \(draft.isPublic),
                    \(actor.agentID), \(AuthorType.agent.rawValue), \(now), \(now), 1)
            """)
        guard let comment = try lockedComment(id, ofTicket: ticketID) else { throw StoreError.notFound }
        let changes = CommentFields.values(of: comment).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "comment", id, changes)
        try linkUploads(draft.attachmentIDs, toTicket: ticketID, comment: id)
        return comment
    }

    /// Applies `changes` to a comment of a live ticket. Only changed fields are written and audited
    /// ('update', old → new); when nothing changes, nothing is written and the version stays.
    /// Editing a comment needs edit reach on the ticket.
    /// - Throws: `StoreError.notFound` (ticket or comment, or a ticket out of reach), `.forbidden` (ticket
    ///   readable only), `.versionMismatch(current:)` when `expectedVersion` is given and differs, `.invalid`.
    public func updateComment(_ id: Int64, ofTicket ticketID: Int64, changes: CommentChanges,
                              expectedVersion: Int64? = nil) throws -> TicketComment {
        if let content = changes.content { try Validation.text(content, field: "content", max: Self.maxContent) }
        try lockLiveTicket(ticketID, toWrite: true)
        guard let current = try lockedComment(id, ofTicket: ticketID) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let content = changes.content ?? current.content
        let contentType = changes.contentType ?? current.contentType
        let isPublic = changes.isPublic ?? current.isPublic
        let before = CommentFields.values(of: current)
        let after = CommentFields.values(ticketID: ticketID, content: content, contentType: contentType,
                                         isPublic: isPublic, commenterID: current.commenterID)
        let diff = zip(before, after).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: old.field, old: old.value, new: new.value)
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE ticket_comments SET content = \(content), content_type = \(contentType.rawValue),
                is_public = \(isPublic), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id)
            """)
        try audit(.update, "comment", id, diff)
        guard let stored = try lockedComment(id, ofTicket: ticketID) else { throw StoreError.notFound }
        return stored
    }

    /// Deletes a comment of a live ticket for good (comments do not go to the recycle bin); audits
    /// 'delete' holding no values (the content is personal). Its attachments are deleted with it.
    /// Needs edit reach on the ticket.
    /// - Throws: `StoreError.notFound` (ticket or comment, or a ticket out of reach), `.forbidden`.
    public func deleteComment(_ id: Int64, ofTicket ticketID: Int64) throws {
        try lockLiveTicket(ticketID, toWrite: true)
        guard try lockedComment(id, ofTicket: ticketID) != nil else { throw StoreError.notFound }
        try connection.execute("""
            DELETE FROM ticket_comments WHERE org_id = \(orgID) AND id = \(id)
            """)
        try audit(.delete, "comment", id, [])
        try deleteAttachments(ofComment: id)
    }

    /// The comment, locked for the rest of the transaction.
    private func lockedComment(_ id: Int64, ofTicket ticketID: Int64) throws -> TicketComment? {
        try connection.queryFirst("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(orgID) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL FOR UPDATE
            """).map(TicketComment.init(row:))
    }
}
