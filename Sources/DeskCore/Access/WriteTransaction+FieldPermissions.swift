import MariaDB

extension WriteTransaction {
    /// The audit record type of field permissions (its changes empty the ``AccessCache``).
    static let fieldPermissionRecordType = "fieldPermission"

    /// Sets the access of fields of `module` for one profile: `readWrite` removes the setting, the others
    /// store it. Each profile whose settings change is audited once ('update', record id = the profile,
    /// fields named `<module>.<field>`, old → new access). Refuses an unknown or Administrator
    /// profile and a field that is neither a standard field nor a live
    /// custom field of the module (``FieldPermissionError``); nothing is written then.
    public func setFieldPermissions(module: AccessModule, profile: Int64, access: [String: FieldAccess]) throws {
        try requireRestrictableProfile(profile)
        let known = try knownFields(of: module)
        if let unknown = access.keys.sorted().first(where: { !known.contains($0) }) {
            throw FieldPermissionError.unknownField(unknown)
        }
        let current = try lockedSettings(module: module, profile: profile)
        var changes: [FieldChange] = []
        for field in access.keys.sorted() {
            let old = current[field] ?? .readWrite
            let new = access[field]!
            guard old != new else { continue }
            if new == .readWrite {
                try connection.execute("""
                    DELETE FROM field_permissions
                    WHERE org_id = \(orgID) AND profile_id = \(profile) AND module = \(module.rawValue) AND field = \(field)
                    """)
            } else {
                try connection.execute("""
                    INSERT INTO field_permissions (org_id, profile_id, module, field, access, updated_at)
                    VALUES (\(orgID), \(profile), \(module.rawValue), \(field), \(new.rawValue), \(now))
                    ON DUPLICATE KEY UPDATE access = VALUES(access), updated_at = VALUES(updated_at)
                    """)
            }
            changes.append(FieldChange(field: "\(module.rawValue).\(field)", old: old.rawValue, new: new.rawValue))
        }
        if !changes.isEmpty { try audit(.update, Self.fieldPermissionRecordType, profile, changes) }
    }

    /// Removes every profile's setting of one field (a custom field being deleted), each profile's removal
    /// audited ('delete', old access → null).
    func removeFieldPermissions(module: AccessModule, field: String) throws {
        let rows = try connection.query("""
            SELECT profile_id, access FROM field_permissions
            WHERE org_id = \(orgID) AND module = \(module.rawValue) AND field = \(field) ORDER BY profile_id FOR UPDATE
            """)
        guard !rows.isEmpty else { return }
        try connection.execute("""
            DELETE FROM field_permissions WHERE org_id = \(orgID) AND module = \(module.rawValue) AND field = \(field)
            """)
        for row in rows {
            try audit(.delete, Self.fieldPermissionRecordType, try row.decode("profile_id"), [
                FieldChange(field: "\(module.rawValue).\(field)", old: try row.decode("access"), new: nil),
            ])
        }
    }

    /// Refuses the Administrator profile and a profile that is neither built in nor a live custom profile.
    private func requireRestrictableProfile(_ profile: Int64) throws {
        if profile == BuiltInProfile.administrator.rawValue { throw FieldPermissionError.administratorProfile }
        if BuiltInProfile(rawValue: profile) != nil { return }
        let row = try connection.queryFirst("""
            SELECT id FROM profiles WHERE org_id = \(orgID) AND id = \(profile) AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        guard row != nil else { throw FieldPermissionError.unknownProfile(profile) }
    }

    /// The standard fields of `module` and its live custom fields.
    private func knownFields(of module: AccessModule) throws -> Set<String> {
        var known = Set(FieldPermissionFields.standard(module))
        guard let cfModule = FieldPermissionFields.customFieldModule(module) else { return known }
        for row in try connection.query("""
            SELECT api_name FROM custom_fields
            WHERE org_id = \(orgID) AND module = \(cfModule.rawValue) AND deleted_at IS NULL LOCK IN SHARE MODE
            """) {
            known.insert(try row.decode("api_name"))
        }
        return known
    }

    private func lockedSettings(module: AccessModule, profile: Int64) throws -> [String: FieldAccess] {
        var settings: [String: FieldAccess] = [:]
        for row in try connection.query("""
            SELECT field, access FROM field_permissions
            WHERE org_id = \(orgID) AND profile_id = \(profile) AND module = \(module.rawValue) FOR UPDATE
            """) {
            if let access = FieldAccess(rawValue: try row.decode("access")) { settings[try row.decode("field")] = access }
        }
        return settings
    }
}
