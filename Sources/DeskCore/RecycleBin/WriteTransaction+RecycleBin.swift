import Foundation
import MariaDB

extension WriteTransaction {
    /// Moves live tickets to the recycle bin (sets `deleted_at`/`deleted_by`, bumps `version`), auditing
    /// 'trash' for each. Throws `StoreError.notFound` — writing nothing — if any id is not a live ticket
    /// of the org.
    public func moveToTrash(tickets ids: [Int64]) throws {
        let tickets = try lockedTickets(ids, trashed: false)
        for ticket in tickets {
            try connection.execute("""
                UPDATE tickets SET deleted_at = \(now), deleted_by = \(actor.agentID), updated_at = \(now),
                    version = version + 1
                WHERE org_id = \(orgID) AND id = \(ticket.id)
                """)
            try audit(.trash, "ticket", ticket.id, [FieldChange(field: "deletedTime", old: nil, new: AuditText.date(now))])
        }
    }

    /// Takes records out of the recycle bin (tickets for now), auditing 'restore'. Throws
    /// `StoreError.notFound`, writing nothing, if any id is not in the org's recycle bin.
    public func restore(_ ids: [Int64]) throws {
        let tickets = try lockedTickets(ids, trashed: true)
        for ticket in tickets {
            try connection.execute("""
                UPDATE tickets SET deleted_at = NULL, deleted_by = NULL, updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(ticket.id)
                """)
            try audit(.restore, "ticket", ticket.id,
                      [FieldChange(field: "deletedTime", old: AuditText.date(ticket.deletedAt), new: nil)])
        }
    }

    /// Deletes records in the recycle bin for good: the rows are removed. Each gets an audit 'delete'
    /// entry holding only the ticket number (no personal values). Throws `StoreError.notFound`, writing
    /// nothing, if any id is not in the org's recycle bin.
    public func deletePermanently(_ ids: [Int64]) throws {
        let tickets = try lockedTickets(ids, trashed: true)
        for ticket in tickets {
            try connection.execute("DELETE FROM tickets WHERE org_id = \(orgID) AND id = \(ticket.id)")
            try audit(.delete, "ticket", ticket.id,
                      [FieldChange(field: "ticketNumber", old: String(ticket.ticketNumber), new: nil)])
        }
    }

    /// Locks the tickets `ids` (duplicates ignored), live or trashed; `notFound` unless all exist.
    private func lockedTickets(_ ids: [Int64], trashed: Bool) throws -> [Ticket] {
        let unique = Array(Set(ids)).sorted()
        if unique.isEmpty { return [] }
        let state: SQL = trashed ? "deleted_at IS NOT NULL" : "deleted_at IS NULL"
        let tickets = try connection.query("""
            SELECT \(Ticket.columns) FROM tickets
            WHERE org_id = \(orgID) AND id IN (\(list: unique)) AND \(state) ORDER BY id FOR UPDATE
            """).map(Ticket.init(row:))
        guard tickets.count == unique.count else { throw StoreError.notFound }
        return tickets
    }
}
