import MariaDB

/// The custom field values of one record, with the api names of every custom field its module has.
///
/// Storage (the `cf` column of tickets, contacts and accounts): a JSON object of api name → canonical
/// text, holding only fields with a value. Keeping every value a string under its api name lets a later
/// field encryption store an AES-256-GCM ciphertext text in place of a field marked encrypted, and lets
/// erasure remove a personal field (`custom_fields.is_personal`) with `JSON_REMOVE` without knowing its
/// type. Plain reads name the values from ``CustomFieldNameCache``; a read inside a write transaction
/// carries, in the same statement, whether the module has any custom field (an index-only `MIN` subquery
/// on `custom_fields`' unique key, `cf_any`), and only then are the api names read.
public struct CustomFieldValues: Sendable, Equatable {
    /// The module's api names, in api-name order (every key the API renders).
    public let names: [String]
    /// The values that are set, by api name.
    public let values: [String: String]

    public init(names: [String] = [], values: [String: String] = [:]) {
        self.names = names
        self.values = values
    }

    /// No fields.
    public static let empty = CustomFieldValues()

    /// Every field as (api name, value or nil), in `names` order.
    public var all: [(name: String, value: String?)] { names.map { ($0, values[$0]) } }

    /// The audited form: `cf.<api name>` → value, for the set values, in name order.
    var auditFields: [(field: String, value: String?)] {
        values.keys.sorted().map { ("cf.\($0)", values[$0]) }
    }

    /// The stored values of a record row, without names (see ``hasFields(_:)``).
    init(row: Row) throws {
        names = []
        values = try row.decode("cf", as: String?.self).map(CustomFieldText.decodeValues) ?? [:]
    }

    /// The same values with the module's api names.
    func named(_ names: [String]) -> CustomFieldValues {
        CustomFieldValues(names: names, values: values)
    }

    /// Whether a row read with ``columns(org:module:)`` says the module has custom fields.
    static func hasFields(_ row: Row) -> Bool {
        if case .string = row["cf_any"] { return true }
        return false
    }

    /// The select-list piece of a record read inside a write transaction: `cf_any`, the first api name of the
    /// module's custom fields or NULL when it has none (index-only, near free).
    static func columns(org: Int64, module: CustomFieldModule) -> SQL {
        """
        (SELECT MIN(api_name) FROM custom_fields WHERE org_id = \(org) AND module = \(module.rawValue)) AS cf_any
        """
    }

    /// A module's custom fields: what ``CustomFieldNameCache`` keeps, and what reads inside a write name
    /// `cf` with.
    struct ModuleFields: Sendable {
        /// Every api name (deleted fields' too, as plain reads render them), in api-name order.
        let names: [String]
        /// The first live mandatory field's api name, or nil.
        let firstMandatory: String?
    }

    /// The module's api names and its first live mandatory field (one indexed query).
    static func moduleFields(_ connection: Connection, org: Int64, module: CustomFieldModule) throws -> ModuleFields {
        let rows = try connection.query("""
            SELECT api_name, deleted_at IS NULL AND is_mandatory = 1 AS live_mandatory
            FROM custom_fields WHERE org_id = \(org) AND module = \(module.rawValue) ORDER BY api_name
            """)
        var names: [String] = []
        var firstMandatory: String?
        for row in rows {
            let name = try row.decode("api_name", as: String.self)
            names.append(name)
            if firstMandatory == nil, try row.decode("live_mandatory", as: Int64.self) != 0 { firstMandatory = name }
        }
        return ModuleFields(names: names, firstMandatory: firstMandatory)
    }
}
