import Foundation
import MariaDB

extension Store {
    /// The live portal user of the org with this sign-in email (compared normalised), or nil.
    public func portalUser(org: Int64, email: String) throws -> PortalUser? {
        let normalized = PortalUser.normalize(email: email)
        return try connection.queryFirst("""
            SELECT \(PortalUser.columns) FROM portal_users
            WHERE org_id = \(org) AND email = \(normalized) AND deleted_at IS NULL
            """).map(PortalUser.init(row:))
    }

    /// The live portal user with this id in the org, or nil.
    public func portalUser(org: Int64, id: Int64) throws -> PortalUser? {
        try connection.queryFirst("""
            SELECT \(PortalUser.columns) FROM portal_users WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(PortalUser.init(row:))
    }
}
