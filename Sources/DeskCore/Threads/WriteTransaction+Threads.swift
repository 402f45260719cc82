import Foundation
import MariaDB

extension WriteTransaction {
    /// The most characters a thread's or a comment's content has.
    static let maxContent = 65_535

    /// Adds the acting agent's reply to a live ticket of the org: an outgoing, public thread. Audits
    /// 'create' (record type "thread") with every field, then links the draft's uploads to it (see
    /// `linkUploads`).
    /// - Throws: `StoreError.notFound` for a ticket that is not live in the org or out of the actor's
    ///   reach; `.forbidden` for a ticket the actor may read but not edit; `.invalid` for content that is
    ///   empty or longer than 65535 characters; `UploadLinkError` for an unusable upload id.
    public func sendReply(toTicket ticketID: Int64, _ draft: ReplyDraft) throws -> TicketThread {
        try Validation.text(draft.content, field: "content", max: Self.maxContent)
        try lockLiveTicket(ticketID, toWrite: true)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO ticket_threads (org_id, id, ticket_id, direction, channel, content, content_type, author_type,
                                        author_id, visibility, is_forward, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(ticketID), \(ThreadDirection.outgoing.rawValue), \(draft.channel.rawValue),
                    \(draft.content), \(draft.contentType.rawValue), \(AuthorType.agent.rawValue), \(actor.agentID),
                    \(ThreadVisibility.public.rawValue), \(draft.isForward), \(now), \(now), 1)
            """)
        guard let thread = try connection.queryFirst("""
            SELECT \(TicketThread.columns) FROM ticket_threads WHERE org_id = \(orgID) AND id = \(id)
            """).map(TicketThread.init(row:)) else { throw StoreError.notFound }
        let changes = ThreadFields.values(of: thread).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "thread", id, changes)
        try linkUploads(draft.attachmentIDs, toTicket: ticketID, thread: id)
        return thread
    }

    /// Checks that `ticketID` is a live ticket of the org within the actor's reach — readable, or with
    /// `toWrite` editable — holding a shared lock on it for the rest of the transaction, so it cannot be
    /// trashed or deleted while a child record is written.
    ///
    /// - Throws: `StoreError.notFound` for an unknown ticket or one the actor cannot read; `.forbidden`
    ///   with `toWrite` for one it may only read.
    func lockLiveTicket(_ ticketID: Int64, toWrite: Bool) throws {
        guard let row = try connection.queryFirst("""
            SELECT assignee_id, department_id FROM tickets
            WHERE org_id = \(orgID) AND id = \(ticketID) AND deleted_at IS NULL LOCK IN SHARE MODE
            """) else { throw StoreError.notFound }
        if actor.access.isAdministrator { return }
        let owner: Int64? = try row.decode("assignee_id")
        let department: Int64? = try row.decode("department_id")
        if toWrite {
            try actor.requireWritable(.ticket, owner: owner, department: department)
        } else {
            try actor.requireReadable(.ticket, owner: owner, department: department)
        }
    }
}
