import Foundation
import MariaDB

extension Store {
    /// The org's recycle bin, most recently deleted first.
    public func recycleBin(in org: Int64, page: Page) throws -> [RecycleBinItem] {
        try page.validate()
        return try connection.query("""
            SELECT id, subject, deleted_at, deleted_by FROM tickets
            WHERE org_id = \(org) AND deleted_at IS NOT NULL
            ORDER BY deleted_at DESC, id DESC \(page.sql)
            """).map { row in
            RecycleBinItem(id: try row.decode("id"), recordType: "ticket", displayName: try row.decode("subject"),
                           deletedAt: try row.decode("deleted_at"), deletedBy: try row.decode("deleted_by"))
        }
    }

    /// How many records the org's recycle bin holds.
    public func recycleBinCount(in org: Int64) throws -> Int {
        try connection.queryFirst(
            "SELECT COUNT(*) AS n FROM tickets WHERE org_id = \(org) AND deleted_at IS NOT NULL")?
            .decode("n") ?? 0
    }
}
