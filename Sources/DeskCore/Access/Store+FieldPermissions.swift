import MariaDB

extension Store {
    /// Every profile of the org, built-in first (ids 1–3), then the live custom profiles by id.
    public func fieldPermissionProfiles(in org: Int64) throws -> [FieldPermissionProfile] {
        let builtIn = BuiltInProfile.allCases.map { FieldPermissionProfile(id: $0.rawValue, name: $0.name) }
        let custom = try connection.query("""
            SELECT id, name FROM profiles WHERE org_id = \(org) AND deleted_at IS NULL ORDER BY id
            """).map { FieldPermissionProfile(id: try $0.decode("id"), name: try $0.decode("name")) }
        return builtIn + custom
    }

    /// The settings of one profile in `module` that are not `readWrite`, by field api name (nothing for
    /// the Administrator profile, which is never restricted).
    public func fieldPermissions(in org: Int64, module: AccessModule, profile: Int64) throws -> [String: FieldAccess] {
        guard profile != BuiltInProfile.administrator.rawValue else { return [:] }
        return try fieldSettings(org: org, profile: profile)[module] ?? [:]
    }

    /// The settings of one field of `module` that are not `readWrite`, by profile id.
    public func fieldPermissions(in org: Int64, module: AccessModule, field: String) throws -> [Int64: FieldAccess] {
        var settings: [Int64: FieldAccess] = [:]
        for row in try connection.query("""
            SELECT profile_id, access FROM field_permissions
            WHERE org_id = \(org) AND module = \(module.rawValue) AND field = \(field)
            """) {
            let profile: Int64 = try row.decode("profile_id")
            guard profile != BuiltInProfile.administrator.rawValue,
                  let access = FieldAccess(rawValue: try row.decode("access")), access != .readWrite else { continue }
            settings[profile] = access
        }
        return settings
    }

    /// The api names of the live custom fields of `module`, sorted.
    public func customFieldNames(in org: Int64, module: CustomFieldModule) throws -> [String] {
        try connection.query("""
            SELECT api_name FROM custom_fields WHERE org_id = \(org) AND module = \(module.rawValue) AND deleted_at IS NULL
            ORDER BY api_name
            """).map { try $0.decode("api_name", as: String.self) }
    }
}
