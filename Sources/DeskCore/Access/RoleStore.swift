import MariaDB

extension Store {
    /// The org's roles: the top role first, then its live roles, oldest first (ties by id).
    public func roles(in org: Int64) throws -> [Role] {
        [Role.top] + (try connection.query("""
            SELECT \(Role.columns) FROM roles WHERE org_id = \(org) AND deleted_at IS NULL ORDER BY created_at, id
            """).map(Role.init(row:)))
    }

    /// The top role or a live role of the org; nil when unknown, deleted or another org's.
    public func role(_ id: Int64, in org: Int64) throws -> Role? {
        if id == Role.topRoleID { return .top }
        return try connection.queryFirst("""
            SELECT \(Role.columns) FROM roles WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(Role.init(row:))
    }
}
