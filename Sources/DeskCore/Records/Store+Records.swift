import Foundation
import MariaDB

/// The generic reads of ``StoredRecord`` types: always within one org, never a trashed row.
extension Store {
    /// A live record of the org; nil when unknown, another org's, or in the recycle bin.
    public func record<R: StoredRecord>(_ type: R.Type, _ id: Int64, in org: Int64) throws -> R? {
        try R.decode(one: connection.queryFirst("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table)
            WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """), org: org, connection: connection)   // allow-listed: CustomFieldModule.table
    }

    /// A page of the org's live records in `sort` order (ties by id).
    public func records<R: StoredRecord>(_ type: R.Type, in org: Int64, page: Page,
                                         sort: RecordSort<R.SortField> = .default) throws -> [R] {
        try page.validate()
        return try R.decode(connection.query("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table) WHERE org_id = \(org) AND deleted_at IS NULL
            \(sort.orderBy) \(page.sql)
            """), org: org, connection: connection)   // allow-listed: CustomFieldModule.table
    }

    /// How many live records of the type the org has.
    public func recordCount<R: StoredRecord>(_ type: R.Type, in org: Int64) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM \(unsafeRaw: R.table) WHERE org_id = \(org) AND deleted_at IS NULL
            """)?.decode("n") ?? 0   // allow-listed: CustomFieldModule.table
    }

    /// The org's live records matching ``StoredRecord/searchCondition(_:)`` for the prefix `query`
    /// (case-insensitive, `%` and `_` match literally), by ``StoredRecord/searchOrder`` then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchRecords<R: StoredRecord>(_ type: R.Type, in org: Int64, query: String,
                                               page: Page) throws -> [R] {
        try page.validate()
        let pattern = try PrefixSearch(query).pattern
        return try R.decode(connection.query("""
            SELECT \(R.columns) FROM \(unsafeRaw: R.table)
            WHERE org_id = \(org) AND deleted_at IS NULL AND (\(R.searchCondition(pattern)))
            ORDER BY \(unsafeRaw: R.searchOrder), id \(page.sql)
            """), org: org, connection: connection)   // allow-listed: CustomFieldModule.table, StoredRecord.searchOrder
    }
}
