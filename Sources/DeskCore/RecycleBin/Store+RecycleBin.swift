import Foundation
import MariaDB

extension Store {
    /// The recycle bin of the actor's org (tickets, contacts and accounts), most recently deleted first:
    /// for a non-administrator only the records it could edit were they live (its reach, in SQL), which
    /// are also the only ones it may restore or delete.
    public func recycleBin(for actor: Actor, page: Page) throws -> [RecycleBinItem] {
        try page.validate()
        let org = actor.orgID
        let parts: [SQL] = RecordKind.all.map { kind in
            """
            SELECT \(kind.recordType) AS record_type, id, \(unsafeRaw: kind.displayName) AS display_name, deleted_at,
                deleted_by
            FROM \(unsafeRaw: kind.table)
            WHERE org_id = \(org) AND deleted_at IS NOT NULL AND \(actor.writeCondition(kind))
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

    /// How many records of the actor's org's recycle bin the actor sees.
    public func recycleBinCount(for actor: Actor) throws -> Int {
        let org = actor.orgID
        var total = 0
        for kind in RecordKind.all {
            total += try connection.queryFirst("""
                SELECT COUNT(*) AS n FROM \(unsafeRaw: kind.table) WHERE org_id = \(org) AND deleted_at IS NOT NULL
                    AND \(actor.writeCondition(kind))
                """)?.decode("n") ?? 0   // allow-listed: RecordKind.all
        }
        return total
    }
}
