import Foundation
import MariaDB

/// The generic writes of ``StoredRecord`` types, inside the one write transaction: each validates,
/// writes, bumps the version and audits old → new.
extension WriteTransaction {
    /// Creates a record from `draft`; audits 'create' with every set field. Without an owner in the draft,
    /// the acting agent owns it (the system actor leaves it unowned).
    ///
    /// - Throws: `StoreError.invalid(field:reason:)` (fields, references — `ownerId` must be a live agent
    ///   of the org —, custom fields).
    public func create<R: StoredRecord>(_ type: R.Type = R.self, _ draft: R.Draft) throws -> R {
        let id = store.ids.next()
        var new = R(draft: draft, id: id, orgID: orgID, now: now)
        if new.ownerID == nil, actor.agentID != 0 { new = new.with(ownerID: actor.agentID) }
        try new.validate()
        try new.validateReferences(in: self, previous: nil)
        let cf = try newCustomFields(R.module, draft.cf)
        let stored = new.storedValues
        let columns = stored.map(\.column).joined(separator: ", ")
        try connection.execute("""
            INSERT INTO \(unsafeRaw: R.table) (org_id, id, \(unsafeRaw: columns), cf, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(list: stored.map(\.value)), \(cf.text), \(now), \(now), 1)
            """)   // allow-listed: CustomFieldModule.table, StoredRecord.storedValues columns
        guard let row = try readRecord(R.module, id, readColumns: R.readColumns(org: orgID)) else {
            throw StoreError.notFound
        }
        try requireMandatory(row, given: cf.given)
        let record = try R.decodeInTransaction(row, org: orgID, connection: connection)
        let changes = record.auditValues.compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, R.module.recordType, id, changes)
        return record
    }

    /// Applies `changes` to a live record. Only fields whose value changes are written and audited
    /// ('update', old → new); when nothing changes, nothing is written and the version stays.
    ///
    /// - Throws: `StoreError.notFound` (also for a record out of the actor's reach), `.forbidden` for a
    ///   record the actor may read but not edit, `.versionMismatch(current:)` when `expectedVersion` is
    ///   given and differs, `.invalid(field:reason:)`.
    public func update<R: StoredRecord>(_ type: R.Type, _ id: Int64, changes: R.Changes,
                                        expectedVersion: Int64?) throws -> R {
        guard let current = try lockedRecord(R.self, id) else { throw StoreError.notFound }
        try actor.requireWritable(R.module.recordKind, owner: current.ownerID, department: nil)
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let cf = changes.cf.isEmpty ? current.cf
            : try resolveCustomFields(R.module, input: changes.cf, current: current.cf.values, isCreate: false)
        let updated = current.applying(changes, cf: cf, now: now)
        try updated.validate()
        try updated.validateReferences(in: self, previous: current)
        let diff = FieldDiff.changes(from: current.auditValues, to: updated.auditValues)
        if diff.isEmpty { return try readLive(R.self, id) ?? current }
        let assignments = SQL.joined(updated.storedValues.map { column, value in
            "\(unsafeRaw: column) = \(value)"   // allow-listed: StoredRecord.storedValues columns
        }, separator: ", ")
        try connection.execute("""
            UPDATE \(unsafeRaw: R.table) SET \(assignments),
                cf = \(CustomFieldText.encodeValues(updated.cf.values)), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)   // allow-listed: CustomFieldModule.table
        try audit(.update, R.module.recordType, id, diff)
        guard let stored = try readLive(R.self, id) else { throw StoreError.notFound }
        return stored
    }

    /// Moves live records to the recycle bin, auditing 'trash' for each. Throws `StoreError.notFound` —
    /// writing nothing — if any id is not a live record of the type in the org or out of the actor's
    /// reach, `.forbidden` if the actor may only read one of them.
    public func moveToTrash<R: StoredRecord>(_ type: R.Type, _ ids: [Int64]) throws {
        try trash(R.module.recordKind, ids)
    }

    /// The live record with the custom field names; a plain read of a row this transaction holds locked.
    private func readLive<R: StoredRecord>(_ type: R.Type, _ id: Int64) throws -> R? {
        try readRecord(R.module, id, readColumns: R.readColumns(org: orgID)).map {
            try R.decodeInTransaction($0, org: orgID, connection: connection)
        }
    }

    /// The live record, locked for the rest of the transaction (its `cf` without field names).
    private func lockedRecord<R: StoredRecord>(_ type: R.Type, _ id: Int64) throws -> R? {
        try connection.queryFirst("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table)
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(R.init(row:))   // allow-listed: CustomFieldModule.table
    }
}

extension WriteTransaction {
    /// The owner of a contact or account must be a live agent of this org (locked shared until the write
    /// ends).
    func validate(owner: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND id = \(owner) AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        guard row != nil else { throw StoreError.invalid(field: "ownerId", reason: "is not an agent of this org") }
    }
}

extension CustomFieldModule {
    /// The recycle bin's kind of the module's records.
    var recordKind: RecordKind {
        switch self {
        case .tickets: .ticket
        case .contacts: .contact
        case .accounts: .account
        }
    }
}
