import MariaDB

/// A record with custom field values (tickets, contacts, accounts), read with its type's `readColumns`.
protocol CustomFieldRecord {
    static var customFieldModule: CustomFieldModule { get }
    init(row: Row) throws
    var cf: CustomFieldValues { get }
    func with(cf: CustomFieldValues) -> Self
}

extension CustomFieldRecord {
    /// The records of `rows`, their `cf` named with the module's api names; the names cost one indexed
    /// query, and only when the rows say the module has custom fields.
    static func decode(_ rows: [Row], org: Int64, connection: Connection) throws -> [Self] {
        let records = try rows.map(Self.init(row:))
        guard let first = rows.first, CustomFieldValues.hasFields(first) else { return records }
        let names = try CustomFieldValues.names(connection, org: org, module: customFieldModule, needed: true)
        return records.map { $0.with(cf: $0.cf.named(names)) }
    }

    /// The record of `row`, if any, named as ``decode(_:org:connection:)`` does.
    static func decode(one row: Row?, org: Int64, connection: Connection) throws -> Self? {
        guard let row else { return nil }
        return try decode([row], org: org, connection: connection).first
    }
}
