import MariaDB

extension Store {
    /// The org's profiles: the built-in ones (ids 1, 2, 3) first, then its live custom profiles, oldest
    /// first (ties by id).
    public func profiles(in org: Int64) throws -> [Profile] {
        let custom = try connection.query("""
            SELECT \(Profile.columns) FROM profiles WHERE org_id = \(org) AND deleted_at IS NULL
            ORDER BY created_at, id
            """).map(Profile.init(row:))
        return BuiltInProfile.allCases.map(Profile.init) + custom
    }

    /// A built-in profile or a live custom profile of the org; nil when unknown, deleted or another org's.
    public func profile(_ id: Int64, in org: Int64) throws -> Profile? {
        if let builtIn = BuiltInProfile(rawValue: id) { return Profile(builtIn) }
        return try connection.queryFirst("""
            SELECT \(Profile.columns) FROM profiles WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(Profile.init(row:))
    }
}
