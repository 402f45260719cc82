import MariaDB

/// The custom field values of one record, with the api names of every custom field its module has.
///
/// Storage (the `cf` column of tickets, contacts and accounts): a JSON object of api name → canonical
/// text, holding only fields with a value. Keeping every value a string under its api name lets a later
/// field encryption store an AES-256-GCM ciphertext text in place of a field marked encrypted, and lets
/// erasure remove a personal field (`custom_fields.is_personal`) with `JSON_REMOVE` without knowing its
/// type. Reads fetch the module's api names in the same statement as the record (a subquery on
/// `custom_fields`' unique index), so rendering `cf` costs no extra query.
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

    init(row: Row) throws {
        // Locking reads leave out `cf_names` (a subquery must not lock the definitions): no names then.
        if case .string(let names) = row["cf_names"] {
            self.names = names.split(separator: ",").map(String.init)
        } else {
            self.names = []
        }
        values = try row.decode("cf", as: String?.self).map(CustomFieldText.decodeValues) ?? [:]
    }

    /// The select-list piece of a record read: `cf` and `cf_names` (the module's api names).
    static func columns(org: Int64, module: CustomFieldModule) -> SQL {
        """
        cf, (SELECT GROUP_CONCAT(api_name ORDER BY api_name SEPARATOR ',') FROM custom_fields
             WHERE org_id = \(org) AND module = \(module.rawValue)) AS cf_names
        """
    }
}
