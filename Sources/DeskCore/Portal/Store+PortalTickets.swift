import Foundation
import MariaDB

/// The help center's reads of an end user's own tickets. Every read is confined to the tickets whose
/// contact is the owner's contact; a ticket of anyone else, in the recycle bin or unknown is `nil` (or
/// `StoreError.notFound`) alike, so nothing tells them apart.
extension Store {
    /// A page of the owner's live tickets, newest first (ties by id), with how many there are in all and
    /// the time of each one's newest visible reply or public comment. Two queries over
    /// `ix_tickets_contact`, and two grouped ones over the page's threads and comments.
    public func portalTickets(of owner: PortalTicketOwner, page: Page) throws -> PortalTicketList {
        try page.validate()
        let condition = Self.portalTicketCondition(owner)
        let tickets = try Ticket.decode(connection.query("""
            SELECT \(Ticket.columns) FROM tickets WHERE \(condition)
            ORDER BY created_at DESC, id DESC \(page.sql)
            """), org: owner.orgID, connection: connection)
        let total: Int = try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM tickets WHERE \(condition)
            """)?.decode("n") ?? 0
        return PortalTicketList(tickets: tickets, total: total,
                                lastMessageAt: try portalLastMessages(ofTickets: tickets.map(\.id), org: owner.orgID))
    }

    /// The owner's live ticket `id`; nil when unknown, trashed, another org's or another person's.
    public func portalTicket(_ id: Int64, of owner: PortalTicketOwner) throws -> Ticket? {
        try Ticket.decode(one: connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets WHERE id = \(id) AND \(Self.portalTicketCondition(owner))
            """), org: owner.orgID, connection: connection)
    }

    /// The public conversation of the owner's ticket, oldest first (ties by id): the description first,
    /// then the public threads that are not forwards and the public comments, each with the attachments
    /// the end user may download (``portalAttachment(_:ofTicket:owner:)``). Private threads, forwards and
    /// private comments are never read. At most ``portalConversationLimit`` threads and as many comments.
    ///
    /// - Throws: `StoreError.notFound` unless the ticket is the owner's live ticket.
    public func portalConversation(ofTicket ticketID: Int64, owner: PortalTicketOwner) throws -> [PortalTicketEntry] {
        guard let ticket = try portalTicket(ticketID, of: owner) else { throw StoreError.notFound }
        let org = owner.orgID
        let limit = Self.portalConversationLimit
        let threads = try connection.query("""
            SELECT \(TicketThread.columns) FROM ticket_threads
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL AND \(Self.portalThreadCondition)
            ORDER BY created_at, id LIMIT \(limit)
            """).map(TicketThread.init(row:))
        let comments = try connection.query("""
            SELECT \(TicketComment.columns) FROM ticket_comments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL AND is_public = 1
            ORDER BY created_at, id LIMIT \(limit)
            """).map(TicketComment.init(row:))
        let attachments = try portalAttachments(ofTicket: ticketID, org: org, threads: threads.map(\.id),
                                                comments: comments.map(\.id))
        let names = try PortalAuthorNames.read(
            agents: threads.filter { $0.authorType == .agent }.map(\.authorID)
                + comments.filter { $0.commenterType == .agent }.map(\.commenterID),
            contacts: threads.filter { $0.authorType == .endUser }.map(\.authorID)
                + comments.filter { $0.commenterType == .endUser }.map(\.commenterID),
            org: org, connection: connection)
        let author = { (type: AuthorType, id: Int64) -> PortalTicketEntry.Author in
            if type == .endUser && id == owner.contactID { return .you }
            return names.author(type, id)
        }
        var entries = threads.map { thread in
            PortalTicketEntry(kind: .reply, id: thread.id, createdAt: thread.createdAt,
                              author: author(thread.authorType, thread.authorID),
                              text: PortalTicketText.of(thread.content, contentType: thread.contentType),
                              attachments: attachments.threads[thread.id] ?? [])
        } + comments.map { comment in
            PortalTicketEntry(kind: .comment, id: comment.id, createdAt: comment.createdAt,
                              author: author(comment.commenterType, comment.commenterID),
                              text: PortalTicketText.of(comment.content, contentType: comment.contentType),
                              attachments: attachments.comments[comment.id] ?? [])
        }
        entries.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let description = PortalTicketEntry(kind: .description, id: ticket.id, createdAt: ticket.createdAt,
                                            author: ticket.contactID == owner.contactID ? .you : .unknown,
                                            text: ticket.description ?? "", attachments: attachments.ticket)
        return [description] + entries
    }

    /// The most threads (and the most comments) ``portalConversation(ofTicket:owner:)`` reads.
    public static let portalConversationLimit = 1000

    /// An attachment of the owner's live ticket that the end user may download: one on a public thread
    /// that is not a forward, on a public comment, or on the ticket itself and marked public. nil for
    /// anything else, alike.
    public func portalAttachment(_ id: Int64, ofTicket ticketID: Int64, owner: PortalTicketOwner) throws -> Attachment? {
        guard try portalTicket(ticketID, of: owner) != nil else { return nil }
        let org = owner.orgID
        guard let attachment = try connection.queryFirst("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND id = \(id) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            """).map(Attachment.init(row:)) else { return nil }
        if let thread = attachment.threadID {
            let visible = try connection.queryFirst("""
                SELECT id FROM ticket_threads WHERE org_id = \(org) AND id = \(thread) AND ticket_id = \(ticketID)
                    AND deleted_at IS NULL AND \(Self.portalThreadCondition)
                """)
            return visible == nil ? nil : attachment
        }
        if let comment = attachment.commentID {
            let visible = try connection.queryFirst("""
                SELECT id FROM ticket_comments WHERE org_id = \(org) AND id = \(comment) AND ticket_id = \(ticketID)
                    AND deleted_at IS NULL AND is_public = 1
                """)
            return visible == nil ? nil : attachment
        }
        return attachment.isPublic ? attachment : nil
    }

    /// The departments an end user may choose for a new ticket: the org's live, enabled departments by
    /// name (deskd has no per-department help-center flag yet), at most 200.
    public func portalTicketDepartments(in org: Int64) throws -> [PortalTicketDepartment] {
        try connection.query("""
            SELECT id, name FROM departments WHERE org_id = \(org) AND deleted_at IS NULL AND is_enabled = 1
            ORDER BY name, id LIMIT 200
            """).map { PortalTicketDepartment(id: try $0.decode("id"), name: try $0.decode("name")) }
    }

    /// The newest visible thread or public comment of each ticket, by ticket id.
    private func portalLastMessages(ofTickets ids: [Int64], org: Int64) throws -> [Int64: Date] {
        guard !ids.isEmpty else { return [:] }
        var latest: [Int64: Date] = [:]
        let rows = try connection.query("""
            SELECT ticket_id, MAX(created_at) AS at FROM ticket_threads
            WHERE org_id = \(org) AND ticket_id IN (\(list: ids)) AND deleted_at IS NULL AND \(Self.portalThreadCondition)
            GROUP BY ticket_id
            """) + connection.query("""
            SELECT ticket_id, MAX(created_at) AS at FROM ticket_comments
            WHERE org_id = \(org) AND ticket_id IN (\(list: ids)) AND deleted_at IS NULL AND is_public = 1
            GROUP BY ticket_id
            """)
        for row in rows {
            let id: Int64 = try row.decode("ticket_id")
            let at: Date = try row.decode("at")
            latest[id] = max(latest[id] ?? at, at)
        }
        return latest
    }

    /// The owner's live tickets.
    static func portalTicketCondition(_ owner: PortalTicketOwner) -> SQL {
        "org_id = \(owner.orgID) AND contact_id = \(owner.contactID) AND deleted_at IS NULL"
    }

    /// The threads an end user sees: public ones that are not forwards to a third party.
    static let portalThreadCondition: SQL = "visibility = 'public' AND is_forward = 0"

    /// The downloadable attachments of a ticket: the public ticket-level ones, and those of the given
    /// (visible) threads and comments, oldest first.
    private func portalAttachments(ofTicket ticketID: Int64, org: Int64, threads: [Int64], comments: [Int64]) throws
        -> (ticket: [Attachment], threads: [Int64: [Attachment]], comments: [Int64: [Attachment]]) {
        let rows = try connection.query("""
            SELECT \(Attachment.columns) FROM attachments
            WHERE org_id = \(org) AND ticket_id = \(ticketID) AND deleted_at IS NULL
            ORDER BY created_at, id
            """).map(Attachment.init(row:))
        let threadSet = Set(threads)
        let commentSet = Set(comments)
        var ticket: [Attachment] = []
        var byThread: [Int64: [Attachment]] = [:]
        var byComment: [Int64: [Attachment]] = [:]
        for attachment in rows {
            if let thread = attachment.threadID {
                if threadSet.contains(thread) { byThread[thread, default: []].append(attachment) }
            } else if let comment = attachment.commentID {
                if commentSet.contains(comment) { byComment[comment, default: []].append(attachment) }
            } else if attachment.isPublic {
                ticket.append(attachment)
            }
        }
        return (ticket, byThread, byComment)
    }
}
