import Foundation
import MariaDB

extension WriteTransaction {
    /// The custom field values of a new record: validated against the module's definitions when the
    /// draft has any (`given`), else nothing is read and `text` is nil.
    func newCustomFields(_ module: CustomFieldModule,
                         _ input: [String: CustomFieldInput]) throws -> (text: String?, given: Bool) {
        guard !input.isEmpty else { return (nil, false) }
        let values = try resolveCustomFields(module, input: input, current: [:], isCreate: true)
        return (CustomFieldText.encodeValues(values.values), true)
    }

    /// A live record of `module`'s table read with `readColumns` and, as `cf_mandatory`, the first
    /// mandatory custom field of the module (nil when none): a plain read, for a row this transaction holds.
    func readRecord(_ module: CustomFieldModule, _ id: Int64, readColumns: SQL) throws -> Row? {
        try connection.queryFirst("""
            SELECT \(readColumns),
                (SELECT MIN(api_name) FROM custom_fields WHERE org_id = \(orgID) AND module = \(module.rawValue)
                    AND is_mandatory = 1) AS cf_mandatory
            FROM \(unsafeRaw: module.table) WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)   // allow-listed: CustomFieldModule.table
    }

    /// The record of a row read with ``readRecord(_:_:readColumns:)``, its `cf` named.
    func record<R: CustomFieldRecord>(_ row: Row, as type: R.Type = R.self) throws -> R {
        try R.decodeInTransaction(row, org: orgID, connection: connection)
    }

    /// On a create without custom field values (`given` false) the definitions were not read: a mandatory
    /// custom field, reported by ``readRecord(_:_:readColumns:)``, refuses the create here.
    func requireMandatory(_ row: Row, given: Bool) throws {
        guard !given, let mandatory = try row.decode("cf_mandatory", as: String?.self) else { return }
        throw StoreError.invalid(field: "cf/\(mandatory)", reason: "is mandatory")
    }
}
