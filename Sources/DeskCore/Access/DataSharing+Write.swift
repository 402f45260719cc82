import MariaDB

extension WriteTransaction {
    /// Sets the data sharing of the given shared modules; audits one 'update' of the org's "dataSharing"
    /// (record id: the org) with a field per changed module, old → new. Nothing is written when nothing
    /// changes.
    ///
    /// - Throws: `StoreError.invalid(field:reason:)` naming a module that is not shared.
    public func setDataSharing(_ settings: [AccessModule: DataSharing]) throws {
        for module in settings.keys where !AccessModule.shared.contains(module) {
            throw StoreError.invalid(field: module.rawValue, reason: "is not a module with data sharing")
        }
        _ = try connection.queryFirst("""
            SELECT id FROM orgs WHERE id = \(orgID) FOR UPDATE
            """)
        let current = Dictionary(try store.dataSharing(in: orgID).map { ($0.module, $0.access) }) { first, _ in first }
        var changes: [FieldChange] = []
        for module in AccessModule.shared {
            guard let new = settings[module], let old = current[module], new != old else { continue }
            try connection.execute("""
                INSERT INTO data_sharing (org_id, module, access, updated_at, version)
                VALUES (\(orgID), \(module.rawValue), \(new.rawValue), \(now), 1)
                ON DUPLICATE KEY UPDATE access = VALUES(access), updated_at = VALUES(updated_at), version = version + 1
                """)
            changes.append(FieldChange(field: module.rawValue, old: old.rawValue, new: new.rawValue))
        }
        if !changes.isEmpty { try audit(.update, "dataSharing", orgID, changes) }
    }
}
