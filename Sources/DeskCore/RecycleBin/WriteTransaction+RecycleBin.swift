import Foundation
import MariaDB

extension WriteTransaction {
    /// Moves live tickets to the recycle bin (sets `deleted_at`/`deleted_by`, bumps `version`), auditing
    /// 'trash' for each. Throws `StoreError.notFound` — writing nothing — if any id is not a live ticket
    /// of the org or out of the actor's reach, `.forbidden` if the actor may only read one of them.
    public func moveToTrash(tickets ids: [Int64]) throws {
        try trash(.ticket, ids)
    }

    /// Takes records of any kind (tickets, contacts, accounts) out of the recycle bin, auditing 'restore'.
    /// Throws `StoreError.notFound`, writing nothing, if any id is not in the org's recycle bin or is a
    /// record the actor could not edit (the recycle bin shows an agent only those).
    public func restore(_ ids: [Int64]) throws {
        for (kind, records) in try lockedBinRecords(ids) {
            for record in records {
                try connection.execute("""
                    UPDATE \(unsafeRaw: kind.table) SET deleted_at = NULL, deleted_by = NULL, updated_at = \(now),
                        version = version + 1
                    WHERE org_id = \(orgID) AND id = \(record.id)
                    """)   // allow-listed: RecordKind.all
                try audit(.restore, kind.recordType, record.id,
                          [FieldChange(field: "deletedTime", old: AuditText.date(record.deletedAt), new: nil)])
            }
        }
    }

    /// Deletes records in the recycle bin for good: the rows are removed. Each gets an audit 'delete'
    /// entry holding no personal values (a ticket's number; nothing for contacts and accounts). Contacts
    /// of a deleted account lose the link (an audited update); a deleted ticket's threads and comments are
    /// deleted with it (each audited 'delete'). Throws `StoreError.notFound`, writing
    /// nothing, if any id is not in the org's recycle bin or is a record the actor could not edit.
    public func deletePermanently(_ ids: [Int64]) throws {
        for (kind, records) in try lockedBinRecords(ids) {
            for record in records {
                try connection.execute(
                    "DELETE FROM \(unsafeRaw: kind.table) WHERE org_id = \(orgID) AND id = \(record.id)")   // allow-listed: RecordKind.all
                let changes = kind.deleteKey.map { [FieldChange(field: $0.field, old: record.deleteKey, new: nil)] } ?? []
                try audit(.delete, kind.recordType, record.id, changes)
                if kind == .account { try detachContacts(fromAccount: record.id) }
                if kind == .ticket { try deleteChildren(ofTicket: record.id) }
            }
        }
    }

    /// Moves live records of `kind` to the recycle bin, auditing 'trash'; nothing is written unless every
    /// id is a live record of that kind in the org that the actor may edit: `notFound` when one is unknown
    /// or unreadable (alike, so nothing leaks), else `forbidden` when one is only readable.
    func trash(_ kind: RecordKind, _ ids: [Int64]) throws {
        let records = try lockedRecords(kind, ids, trashed: false)
        if !actor.access.isAdministrator {
            for record in records { try actor.requireReadable(kind, owner: record.owner, department: record.department) }
            for record in records { try actor.requireWritable(kind, owner: record.owner, department: record.department) }
        }
        for record in records {
            try connection.execute("""
                UPDATE \(unsafeRaw: kind.table) SET deleted_at = \(now), deleted_by = \(actor.agentID),
                    updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(record.id)
                """)   // allow-listed: RecordKind.all
            try audit(.trash, kind.recordType, record.id,
                      [FieldChange(field: "deletedTime", old: nil, new: AuditText.date(now))])
        }
    }

    /// A locked row of the recycle bin's tables: its id, deletion time, audited delete key, owner and
    /// department (for the actor's reach).
    private struct BinRecord {
        let id: Int64
        let deletedAt: Date?
        let deleteKey: String?
        let owner: Int64?
        let department: Int64?
    }

    /// Locks the recycle-bin records `ids` (duplicates ignored) in every kind's table, in the fixed kind
    /// order; `notFound` unless all are in the org's recycle bin.
    private func lockedBinRecords(_ ids: [Int64]) throws -> [(RecordKind, [BinRecord])] {
        let unique = Set(ids)
        var found: [(RecordKind, [BinRecord])] = []
        var count = 0
        for kind in RecordKind.all {
            let records = try lockedRecords(kind, Array(unique), trashed: true, requireAll: false).filter {
                actor.access.isAdministrator
                    || actor.access.visibility(of: kind.module).canWrite(owner: $0.owner, department: $0.department)
            }
            count += records.count
            if !records.isEmpty { found.append((kind, records)) }
        }
        guard count == unique.count else { throw StoreError.notFound }
        return found
    }

    /// Locks the records `ids` of `kind` (duplicates ignored), live or trashed; with `requireAll`,
    /// `notFound` unless all exist.
    private func lockedRecords(_ kind: RecordKind, _ ids: [Int64], trashed: Bool,
                               requireAll: Bool = true) throws -> [BinRecord] {
        let unique = Array(Set(ids)).sorted()
        if unique.isEmpty { return [] }
        let state: SQL = trashed ? "deleted_at IS NOT NULL" : "deleted_at IS NULL"
        let key = kind.deleteKey?.column ?? "NULL"
        let department = kind.departmentColumn ?? "NULL"
        let records = try connection.query("""
            SELECT id, deleted_at, \(unsafeRaw: key) AS delete_key, \(unsafeRaw: kind.ownerColumn) AS owner_id,
                \(unsafeRaw: department) AS department_id FROM \(unsafeRaw: kind.table)
            WHERE org_id = \(orgID) AND id IN (\(list: unique)) AND \(state) ORDER BY id FOR UPDATE
            """).map { row in   // allow-listed: RecordKind.all
            BinRecord(id: try row.decode("id"), deletedAt: try row.decode("deleted_at"),
                      deleteKey: try row.decode("delete_key", as: Int64?.self).map(String.init),
                      owner: try row.decode("owner_id"), department: try row.decode("department_id"))
        }
        guard !requireAll || records.count == unique.count else { throw StoreError.notFound }
        return records
    }
}
