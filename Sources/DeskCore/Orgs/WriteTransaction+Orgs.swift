import Foundation
import MariaDB

extension WriteTransaction {
    /// Changes the actor's org's settings; only changed fields are written and audited ('update' of
    /// record type "org", fields `companyName` and `recycleBinRetentionDays`).
    ///
    /// - Throws: `StoreError.notFound`, `.versionMismatch(current:)`, `.invalid(field:reason:)`.
    public func updateOrg(_ changes: OrgChanges, expectedVersion: Int64?) throws -> Org {
        guard let current = try lockedOrg() else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let name = changes.name ?? current.name
        let retention = changes.recycleBinRetentionDays ?? current.recycleBinRetentionDays
        try Validation.text(name, field: "companyName", max: 255)
        guard Org.retentionDays.contains(retention) else {
            throw StoreError.invalid(field: "recycleBinRetentionDays",
                                     reason: "must be \(Org.retentionDays.lowerBound)…\(Org.retentionDays.upperBound) days")
        }
        var diff: [FieldChange] = []
        if name != current.name { diff.append(FieldChange(field: "companyName", old: current.name, new: name)) }
        if retention != current.recycleBinRetentionDays {
            diff.append(FieldChange(field: "recycleBinRetentionDays", old: String(current.recycleBinRetentionDays),
                                    new: String(retention)))
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE orgs SET name = \(name), recycle_bin_retention_days = \(retention), updated_at = \(now),
                version = version + 1
            WHERE id = \(orgID) AND deleted_at IS NULL
            """)
        try audit(.update, "org", orgID, diff)
        guard let stored = try lockedOrg() else { throw StoreError.notFound }
        return stored
    }

    /// The actor's live org, locked for the rest of the transaction.
    private func lockedOrg() throws -> Org? {
        try connection.queryFirst("""
            SELECT \(Org.columns) FROM orgs WHERE id = \(orgID) AND deleted_at IS NULL FOR UPDATE
            """).map(Org.init(row:))
    }
}
