import MariaDB

/// A record with custom field values (tickets, contacts, accounts).
protocol CustomFieldRecord {
    static var customFieldModule: CustomFieldModule { get }
    init(row: Row) throws
    var cf: CustomFieldValues { get }
    func with(cf: CustomFieldValues) -> Self
}

extension CustomFieldRecord {
    /// The records of `rows` from a read that locks nothing (the type's `columns`), their `cf` named with
    /// the module's api names from ``CustomFieldNameCache`` (a query only when this thread has none cached).
    static func decode(_ rows: [Row], org: Int64, connection: Connection) throws -> [Self] {
        let records = try rows.map(Self.init(row:))
        guard !records.isEmpty else { return records }
        let names = try CustomFieldNameCache.shared.names(org: org, module: customFieldModule, connection: connection)
        guard !names.isEmpty else { return records }
        return records.map { $0.with(cf: $0.cf.named(names)) }
    }

    /// The record of `row`, if any, named as ``decode(_:org:connection:)`` does.
    static func decode(one row: Row?, org: Int64, connection: Connection) throws -> Self? {
        guard let row else { return nil }
        return try decode([row], org: org, connection: connection).first
    }

    /// The record of a row read inside a write transaction with its type's `readColumns(org:)`, its `cf`
    /// named from the definitions as this transaction sees them (one indexed query, and only when the row
    /// says the module has custom fields): the cache may not know a definition this transaction made.
    static func decodeInTransaction(_ row: Row, org: Int64, connection: Connection) throws -> Self {
        let record = try Self(row: row)
        guard CustomFieldValues.hasFields(row) else { return record }
        let names = try CustomFieldValues.moduleFields(connection, org: org, module: customFieldModule).names
        return record.with(cf: record.cf.named(names))
    }
}
