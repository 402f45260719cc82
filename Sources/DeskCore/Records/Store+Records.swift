import Foundation
import MariaDB

/// The generic reads of ``StoredRecord`` types: always within the actor's org and reach (its owner
/// condition in the `WHERE` clause), never a trashed row.
extension Store {
    /// A live record of the actor's org that the actor may read; nil when unknown, another org's, in the
    /// recycle bin, or out of the actor's reach.
    public func record<R: StoredRecord>(_ type: R.Type, _ id: Int64, for actor: Actor) throws -> R? {
        let org = actor.orgID
        return try R.decode(one: connection.queryFirst("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table)
            WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL AND \(actor.readCondition(R.module.recordKind))
            """), org: org, connection: connection)   // allow-listed: CustomFieldModule.table
    }

    /// A page of the live records the actor may read, in `sort` order (ties by id).
    public func records<R: StoredRecord>(_ type: R.Type, for actor: Actor, page: Page,
                                         sort: RecordSort<R.SortField> = .default) throws -> [R] {
        try page.validate()
        let org = actor.orgID
        return try R.decode(connection.query("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table)
            WHERE org_id = \(org) AND deleted_at IS NULL AND \(actor.readCondition(R.module.recordKind))
            \(sort.orderBy) \(page.sql)
            """), org: org, connection: connection)   // allow-listed: CustomFieldModule.table
    }

    /// How many live records of the type the actor may read.
    public func recordCount<R: StoredRecord>(_ type: R.Type, for actor: Actor) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM \(unsafeRaw: R.table)
            WHERE org_id = \(actor.orgID) AND deleted_at IS NULL AND \(actor.readCondition(R.module.recordKind))
            """)?.decode("n") ?? 0   // allow-listed: CustomFieldModule.table
    }

    /// The live records the actor may read matching ``StoredRecord/searchCondition(_:)`` for the prefix
    /// `query` (case-insensitive, `%` and `_` match literally), by ``StoredRecord/searchOrder`` then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchRecords<R: StoredRecord>(_ type: R.Type, for actor: Actor, query: String,
                                               page: Page) throws -> [R] {
        try page.validate()
        let pattern = try PrefixSearch(query).pattern
        let org = actor.orgID
        return try R.decode(connection.query("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table)
            WHERE org_id = \(org) AND deleted_at IS NULL AND (\(R.searchCondition(pattern)))
                AND \(actor.readCondition(R.module.recordKind))
            ORDER BY \(unsafeRaw: R.searchOrder), id \(page.sql)
            """), org: org, connection: connection)   // allow-listed: CustomFieldModule.table, StoredRecord.searchOrder
    }
}
