import Foundation
import MariaDB

extension Store {
    /// A live agent of the org (active or not).
    public func agent(id: Int64, in org: Int64) throws -> Agent? {
        try connection.queryFirst("""
            SELECT \(Agent.columns) FROM agents WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(Agent.init(row:))
    }

    /// A live agent of the org by email (case-insensitive).
    public func agent(email: String, in org: Int64) throws -> Agent? {
        try connection.queryFirst("""
            SELECT \(Agent.columns) FROM agents WHERE org_id = \(org) AND email = \(email) AND deleted_at IS NULL
            """).map(Agent.init(row:))
    }
}
