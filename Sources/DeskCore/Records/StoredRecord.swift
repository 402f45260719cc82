import Foundation
import MariaDB

/// The create or update input of a record: its own fields plus custom field values by api name.
public protocol RecordInput: Sendable {
    /// Custom field values by api name (`.null` clears on update); empty when the request has none.
    var cf: [String: CustomFieldInput] { get set }
}

/// A record type with the generic storage of ``Store`` reads and ``WriteTransaction`` writes (contacts,
/// accounts): one table with `org_id`, `id`, `version`, `created_at`/`updated_at`, `deleted_at`/
/// `deleted_by` (the recycle bin) and a `cf` column, plus the type's own columns.
///
/// A conforming type describes only what differs between record types: its columns and how a row decodes,
/// the audited field values, validation, the draft and changes it is built from, sort keys and search.
/// Every column name it gives is a fixed literal (an allow-list); values are always bound.
public protocol StoredRecord: Sendable {
    /// The fields of a new record.
    associatedtype Draft: RecordInput
    /// A partial update: nil leaves a field as it is.
    associatedtype Changes: RecordInput
    /// The sortable fields of a list.
    associatedtype SortField: RecordSortField

    /// The record's custom field module; also names its table and audit record type.
    static var module: CustomFieldModule { get }
    /// Every stored column, for ``init(row:)`` (allow-listed literals).
    static var columns: SQL { get }
    /// The search condition on `pattern` (a `LIKE` prefix pattern escaped with `!`).
    static func searchCondition(_ pattern: String) -> SQL
    /// The search result order before the id (allow-listed column literal).
    static var searchOrder: String { get }

    /// Decodes a row read with ``columns``.
    init(row: Row) throws
    /// The new record a draft describes, before it is stored (its `cf` is set by the store).
    init(draft: Draft, id: Int64, orgID: Int64, now: Date)
    /// The record with `changes` applied, the custom field values `cf`, `updatedAt` `now` and the next version.
    func applying(_ changes: Changes, cf: CustomFieldValues, now: Date) -> Self
    /// The record with other custom field values.
    func with(cf: CustomFieldValues) -> Self
    /// The record with another owning agent.
    func with(ownerID: Int64?) -> Self

    var id: Int64 { get }
    var createdAt: Date { get }
    var updatedAt: Date { get }
    /// Bumped on every write; the ETag.
    var version: Int64 { get }
    /// The custom field values.
    var cf: CustomFieldValues { get }
    /// The owning agent, whose reach decides who reads and edits the record (``RecordVisibility``).
    var ownerID: Int64? { get }
    /// The audited fields as text, by API field name, in a fixed order (custom fields last).
    var auditValues: [(field: String, value: String?)] { get }
    /// The type's own writable columns (allow-listed literals) and their values, in a fixed order.
    var storedValues: [(column: String, value: Value)] { get }

    /// Checks the field values (lengths, syntax); throws `StoreError.invalid(field:reason:)`.
    func validate() throws
    /// Checks references to other records that are new or changed since `previous` (nil on create).
    func validateReferences(in tx: WriteTransaction, previous: Self?) throws
}

extension StoredRecord {
    public func validateReferences(in tx: WriteTransaction, previous: Self?) throws {}

    /// The record's table (allow-listed).
    static var table: String { module.table }

    /// ``columns`` and whether the org has custom fields of the module (`cf_any`): for reads inside a write
    /// transaction (``decodeInTransaction(_:org:connection:)``).
    static func readColumns(org: Int64) -> SQL {
        "\(columns), \(CustomFieldValues.columns(org: org, module: module))"
    }

    /// The records of rows read with ``columns`` outside a transaction, their `cf` named with the module's
    /// api names (``CustomFieldNameCache``).
    static func decode(_ rows: [Row], org: Int64, connection: Connection) throws -> [Self] {
        try CustomFieldDecoding<Self>.decode(rows, org: org, connection: connection).map(\.record)
    }

    /// The record of a row read with ``readColumns(org:)`` inside a write transaction, its `cf` named from
    /// the definitions as the transaction sees them.
    static func decodeInTransaction(_ row: Row, org: Int64, connection: Connection) throws -> Self {
        try CustomFieldDecoding<Self>.decodeInTransaction(row, org: org, connection: connection).record
    }

    /// The record of `row`, if any, named as ``decode(_:org:connection:)`` does.
    static func decode(one row: Row?, org: Int64, connection: Connection) throws -> Self? {
        guard let row else { return nil }
        return try decode([row], org: org, connection: connection).first
    }
}

/// Adapts a ``StoredRecord`` to the custom field decoding every record with a `cf` column shares.
private struct CustomFieldDecoding<R: StoredRecord>: CustomFieldRecord {
    let record: R

    static var customFieldModule: CustomFieldModule { R.module }
    init(row: Row) throws { record = try R(row: row) }
    private init(_ record: R) { self.record = record }
    var cf: CustomFieldValues { record.cf }
    func with(cf: CustomFieldValues) -> CustomFieldDecoding { CustomFieldDecoding(record.with(cf: cf)) }
}
