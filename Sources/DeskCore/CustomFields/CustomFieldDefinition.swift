import Foundation
import MariaDB

/// A custom field of an org's module: its api name `cf_…` is the key of its value in a record's `cf`.
public struct CustomFieldDefinition: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let module: CustomFieldModule
    /// `cf_…`, unique per org and module; never changes.
    public let apiName: String
    public let displayLabel: String
    /// Never changes.
    public let type: CustomFieldType
    /// The choices of a picklist or multiselect; nil for other types.
    public let allowedValues: [String]?
    /// The longest value of a text or textarea; nil for other types.
    public let maxLength: Int?
    public let isMandatory: Bool
    /// Whether the values are personal data (found by erasure and export).
    public let isPersonal: Bool
    /// Whether the values are stored encrypted (reserved: always false until field encryption exists).
    public let isEncrypted: Bool
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        module = try row.decodeRaw("module")
        apiName = try row.decode("api_name")
        displayLabel = try row.decode("display_label")
        type = try row.decodeRaw("field_type")
        allowedValues = try (row.decode("allowed_values", as: String?.self)).map(CustomFieldText.decodeList)
        maxLength = try row.decode("max_length", as: Int64?.self).map { Int($0) }
        isMandatory = try row.decode("is_mandatory", as: Int64.self) != 0
        isPersonal = try row.decode("is_personal", as: Int64.self) != 0
        isEncrypted = try row.decode("is_encrypted", as: Int64.self) != 0
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        version = try row.decode("version")
    }

    static let columns: SQL = """
        org_id, id, module, api_name, display_label, field_type, allowed_values, max_length, is_mandatory, \
        is_personal, is_encrypted, created_at, updated_at, version
        """
}
