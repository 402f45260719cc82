import Foundation
import MariaDB

/// The help center's writes on an end user's own tickets. Each works only on a live ticket whose contact
/// is the owner's contact (locked for the rest of the transaction); any other ticket is
/// `StoreError.notFound`, exactly like one that does not exist. The owner is the write's actor, which
/// must be an end user (``Actor/endUser(org:contactID:requestID:)``), so every audit entry names them;
/// for any other actor these functions throw `StoreError.notFound` and write nothing.
extension WriteTransaction {
    /// Creates the owner's ticket: status Open, channel Web, the contact's email, the next ticket number,
    /// and its files as public ticket attachments. Audits 'create' of the ticket with every set field, and
    /// 'create' of each attachment. The org's custom fields are not asked of end users (mandatory ones
    /// included: agents fill them in).
    ///
    /// - Throws: `StoreError.invalid` (`subject`, `description`, `departmentId`, `attachments`),
    ///   ``PortalAttachmentTooLarge``, `StoreError.notFound` when the owner's contact is not a live
    ///   contact of the org.
    public func submitPortalTicket(_ draft: PortalTicketDraft, limits: PortalAttachmentLimits) throws -> Ticket {
        let owner = try endUserOwner()
        try Validation.text(draft.subject, field: "subject", max: 255)
        try Validation.length(draft.description, field: "description", max: 65_535)
        try limits.check(draft.files)
        guard let contact = try connection.queryFirst("""
            SELECT email FROM contacts WHERE org_id = \(orgID) AND id = \(owner.contactID) AND deleted_at IS NULL
            LOCK IN SHARE MODE
            """) else { throw StoreError.notFound }
        let email: String? = try contact.decode("email")
        if let department = draft.departmentID {
            let row = try connection.queryFirst("""
                SELECT id FROM departments WHERE org_id = \(orgID) AND id = \(department) AND is_enabled = 1
                    AND deleted_at IS NULL LOCK IN SHARE MODE
                """)
            guard row != nil else {
                throw StoreError.invalid(field: "departmentId", reason: "is not a department of this help center")
            }
        }
        let description: String? = Validation.isBlank(draft.description) ? nil : draft.description
        let number = try store.ticketNumbers.take(org: orgID, connection: connection)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO tickets (org_id, id, ticket_number, subject, description, status, channel, email,
                                 department_id, contact_id, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(number), \(draft.subject), \(description), \(TicketStatus.open.rawValue),
                    \(TicketChannel.web.rawValue), \(email), \(draft.departmentID), \(owner.contactID), \(now), \(now), 1)
            """)
        guard let row = try readRecord(.tickets, id, readColumns: Ticket.readColumns(org: orgID)) else {
            throw StoreError.notFound
        }
        let ticket: Ticket = try record(row)
        let changes = TicketFields.values(of: ticket).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "ticket", id, changes)
        for file in draft.files {
            try insertPortalAttachment(file, owner: owner, ticketID: id, threadID: nil, commentID: nil)
        }
        return ticket
    }

    /// Adds the owner's reply to their ticket: an incoming, public, plain-text thread by the end user
    /// (author END_USER, the contact's id), audited 'create' (record type "thread"), with its files as
    /// attachments of the thread. A reply to a closed ticket reopens it (status Open, audited 'update').
    ///
    /// - Throws: `StoreError.notFound` (not the owner's live ticket), `.invalid` (`content`,
    ///   `attachments`), ``PortalAttachmentTooLarge``.
    public func addPortalReply(toTicket ticketID: Int64, _ draft: PortalMessageDraft,
                               limits: PortalAttachmentLimits) throws -> TicketThread {
        let owner = try endUserOwner()
        try Validation.text(draft.content, field: "content", max: Self.maxContent)
        try limits.check(draft.files)
        let ticket = try lockedPortalTicket(ticketID, owner: owner)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO ticket_threads (org_id, id, ticket_id, direction, channel, content, content_type, author_type,
                                        author_id, visibility, is_forward, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(ticketID), \(ThreadDirection.incoming.rawValue), \(Self.portalThreadChannel.rawValue),
                    \(draft.content), \(MessageContentType.plainText.rawValue), \(AuthorType.endUser.rawValue),
                    \(owner.contactID), \(ThreadVisibility.public.rawValue), \(false), \(now), \(now), 1)
            """)
        guard let thread = try connection.queryFirst("""
            SELECT \(TicketThread.columns) FROM ticket_threads WHERE org_id = \(orgID) AND id = \(id)
            """).map(TicketThread.init(row:)) else { throw StoreError.notFound }
        let changes = ThreadFields.values(of: thread).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "thread", id, changes)
        for file in draft.files {
            try insertPortalAttachment(file, owner: owner, ticketID: ticketID, threadID: id, commentID: nil)
        }
        if ticket.status == .closed { try setPortalTicketStatus(ticket, .open) }
        return thread
    }

    /// Adds the owner's public, plain-text comment to their ticket (commenter END_USER, the contact's id),
    /// audited 'create' (record type "comment"), with its files as attachments of the comment.
    ///
    /// - Throws: `StoreError.notFound` (not the owner's live ticket), `.invalid` (`content`,
    ///   `attachments`), ``PortalAttachmentTooLarge``.
    public func addPortalComment(toTicket ticketID: Int64, _ draft: PortalMessageDraft,
                                 limits: PortalAttachmentLimits) throws -> TicketComment {
        let owner = try endUserOwner()
        try Validation.text(draft.content, field: "content", max: Self.maxContent)
        try limits.check(draft.files)
        _ = try lockedPortalTicket(ticketID, owner: owner)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO ticket_comments (org_id, id, ticket_id, content, content_type, is_public, commenter_id,
                                         commenter_type, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(ticketID), \(draft.content), \(MessageContentType.plainText.rawValue), \(true),
                    \(owner.contactID), \(AuthorType.endUser.rawValue), \(now), \(now), 1)
            """)
        guard let comment = try connection.queryFirst("""
            SELECT \(TicketComment.columns) FROM ticket_comments WHERE org_id = \(orgID) AND id = \(id)
            """).map(TicketComment.init(row:)) else { throw StoreError.notFound }
        let changes = CommentFields.values(of: comment).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "comment", id, changes)
        for file in draft.files {
            try insertPortalAttachment(file, owner: owner, ticketID: ticketID, threadID: nil, commentID: id)
        }
        return comment
    }

    /// Closes the owner's ticket (status Closed, audited 'update' status old → new). A ticket already
    /// closed is returned as it is, and nothing is written.
    /// - Throws: `StoreError.notFound` (not the owner's live ticket).
    public func closePortalTicket(_ ticketID: Int64) throws -> Ticket {
        let owner = try endUserOwner()
        let ticket = try lockedPortalTicket(ticketID, owner: owner)
        if ticket.status == .closed { return ticket }
        try setPortalTicketStatus(ticket, .closed)
        guard let row = try readRecord(.tickets, ticketID, readColumns: Ticket.readColumns(org: orgID)) else {
            throw StoreError.notFound
        }
        return try record(row)
    }

    /// The channel of an end user's reply. deskd's thread channels are Zoho's reply channels (EMAIL,
    /// FORUMS, CHAT); a help-center reply is recorded as EMAIL, the channel agents answer it through.
    static let portalThreadChannel = ThreadChannel.email

    /// The owner's live ticket, locked for update until the transaction ends.
    private func lockedPortalTicket(_ ticketID: Int64, owner: PortalTicketOwner) throws -> Ticket {
        guard let ticket = try connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets
            WHERE org_id = \(orgID) AND id = \(ticketID) AND contact_id = \(owner.contactID) AND deleted_at IS NULL
            FOR UPDATE
            """).map(Ticket.init(row:)) else { throw StoreError.notFound }
        return ticket
    }

    /// Sets the (locked) ticket's status, bumping its version; audited 'update' status old → new.
    private func setPortalTicketStatus(_ ticket: Ticket, _ status: TicketStatus) throws {
        try connection.execute("""
            UPDATE tickets SET status = \(status.rawValue), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(ticket.id)
            """)
        try audit(.update, "ticket", ticket.id,
                  [FieldChange(field: "status", old: ticket.status.rawValue, new: status.rawValue)])
    }

    /// The acting end user as a ticket owner; `StoreError.notFound` for an agent or the system.
    private func endUserOwner() throws -> PortalTicketOwner {
        guard actor.kind == .endUser, let contactID = actor.endUserContactID else { throw StoreError.notFound }
        return PortalTicketOwner(orgID: orgID, contactID: contactID)
    }
}
