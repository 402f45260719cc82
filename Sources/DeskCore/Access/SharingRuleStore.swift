import MariaDB

extension Store {
    /// The org's sharing rules, of one shared module when `module` is given, oldest first (ties by id).
    public func sharingRules(in org: Int64, module: AccessModule? = nil) throws -> [SharingRule] {
        let only: SQL = if let module { "AND module = \(module.rawValue)" } else { "" }
        return try connection.query("""
            SELECT \(SharingRule.columns) FROM sharing_rules WHERE org_id = \(org) \(only) ORDER BY created_at, id
            """).compactMap(SharingRule.init(row:))
    }

    /// A sharing rule of the org; nil when unknown or another org's.
    public func sharingRule(_ id: Int64, in org: Int64) throws -> SharingRule? {
        try connection.queryFirst("""
            SELECT \(SharingRule.columns) FROM sharing_rules WHERE org_id = \(org) AND id = \(id)
            """).flatMap(SharingRule.init(row:))
    }
}
