import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates a ticket with the next ticket number; audits 'create' with every set field.
    public func createTicket(_ draft: TicketDraft) throws -> Ticket {
        try validate(subject: draft.subject)
        if let description = draft.description { try Validation.length(description, field: "description", max: 65_535) }
        if let email = draft.email { try Validation.email(email, field: "email") }
        if let assignee = draft.assigneeID { try validate(assignee: assignee) }
        let number = try store.ticketNumbers.take(org: orgID, connection: connection)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO tickets (org_id, id, ticket_number, subject, description, status, priority, channel,
                                 email, assignee_id, due_date, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(number), \(draft.subject), \(draft.description), \(draft.status.rawValue),
                    \(draft.priority?.rawValue), \(draft.channel.rawValue), \(draft.email), \(draft.assigneeID),
                    \(draft.dueDate), \(now), \(now), 1)
            """)
        guard let ticket = try lockedTicket(id, trashed: false) else { throw StoreError.notFound }
        let changes = TicketFields.values(of: ticket).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "ticket", id, changes)
        return ticket
    }

    /// Applies `changes` to a live ticket. Only fields whose value changes are written and audited
    /// ('update', old → new); when nothing changes, nothing is written and the version stays.
    ///
    /// - Throws: `StoreError.notFound`, `.versionMismatch(current:)` when `expectedVersion` is given and
    ///   differs, `.invalid(field:reason:)`.
    public func updateTicket(_ id: Int64, changes: TicketChanges, expectedVersion: Int64?) throws -> Ticket {
        guard let current = try lockedTicket(id, trashed: false) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        if let subject = changes.subject { try validate(subject: subject) }
        if case .some(.some(let description)) = changes.description {
            try Validation.length(description, field: "description", max: 65_535)
        }
        if case .some(.some(let email)) = changes.email { try Validation.email(email, field: "email") }
        if case .some(.some(let assignee)) = changes.assigneeID, assignee != current.assigneeID {
            try validate(assignee: assignee)
        }
        let updated = Ticket(
            id: current.id, orgID: current.orgID, ticketNumber: current.ticketNumber,
            subject: changes.subject ?? current.subject, description: changes.description ?? current.description,
            status: changes.status ?? current.status, priority: changes.priority ?? current.priority,
            channel: changes.channel ?? current.channel, email: changes.email ?? current.email,
            assigneeID: changes.assigneeID ?? current.assigneeID, dueDate: changes.dueDate ?? current.dueDate,
            createdAt: current.createdAt, updatedAt: now, version: current.version + 1,
            deletedAt: nil, deletedBy: nil)
        let before = TicketFields.values(of: current)
        let after = TicketFields.values(of: updated)
        let diff = zip(before, after).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: old.field, old: old.value, new: new.value)
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE tickets SET subject = \(updated.subject), description = \(updated.description),
                status = \(updated.status.rawValue), priority = \(updated.priority?.rawValue),
                channel = \(updated.channel.rawValue), email = \(updated.email),
                assignee_id = \(updated.assigneeID), due_date = \(updated.dueDate),
                updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, "ticket", id, diff)
        guard let stored = try lockedTicket(id, trashed: false) else { throw StoreError.notFound }
        return stored
    }

    /// The ticket, locked for the rest of the transaction; `trashed` picks live or recycle-bin rows.
    func lockedTicket(_ id: Int64, trashed: Bool) throws -> Ticket? {
        let state: SQL = trashed ? "deleted_at IS NOT NULL" : "deleted_at IS NULL"
        return try connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets WHERE org_id = \(orgID) AND id = \(id) AND \(state) FOR UPDATE
            """).map(Ticket.init(row:))
    }

    private func validate(subject: String) throws {
        try Validation.text(subject, field: "subject", max: 255)
    }

    /// The assignee must be an active, live agent of this org.
    private func validate(assignee: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND id = \(assignee) AND is_active = 1
                AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        guard row != nil else {
            throw StoreError.invalid(field: "assigneeId", reason: "is not an active agent of this org")
        }
    }
}
