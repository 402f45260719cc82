import Foundation
import MariaDB

extension Store {
    /// The org's recycle bin (tickets, contacts and accounts), most recently deleted first.
    public func recycleBin(in org: Int64, page: Page) throws -> [RecycleBinItem] {
        try page.validate()
        let parts: [SQL] = RecordKind.all.map { kind in
            """
            SELECT \(kind.recordType) AS record_type, id, \(unsafeRaw: kind.displayName) AS display_name, deleted_at,
                deleted_by
            FROM \(unsafeRaw: kind.table) WHERE org_id = \(org) AND deleted_at IS NOT NULL
            """   // allow-listed: RecordKind.all
        }
        return try connection.query("""
            SELECT record_type, id, display_name, deleted_at, deleted_by
            FROM (\(SQL.joined(parts, separator: " UNION ALL "))) AS bin
            ORDER BY deleted_at DESC, id DESC \(page.sql)
            """).map { row in
            RecycleBinItem(id: try row.decode("id"), recordType: try row.decode("record_type"),
                           displayName: try row.decode("display_name"), deletedAt: try row.decode("deleted_at"),
                           deletedBy: try row.decode("deleted_by"))
        }
    }

    /// How many records the org's recycle bin holds.
    public func recycleBinCount(in org: Int64) throws -> Int {
        var total = 0
        for kind in RecordKind.all {
            total += try connection.queryFirst("""
                SELECT COUNT(*) AS n FROM \(unsafeRaw: kind.table) WHERE org_id = \(org) AND deleted_at IS NOT NULL
                """)?.decode("n") ?? 0   // allow-listed: RecordKind.all
        }
        return total
    }
}
