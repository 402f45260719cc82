import Foundation
import MariaDB

extension Store {
    /// The org's custom fields of `module`, by api name.
    public func customFields(in org: Int64, module: CustomFieldModule) throws -> [CustomFieldDefinition] {
        try connection.query("""
            SELECT \(CustomFieldDefinition.columns) FROM custom_fields
            WHERE org_id = \(org) AND module = \(module.rawValue) AND deleted_at IS NULL ORDER BY api_name
            """).map(CustomFieldDefinition.init(row:))
    }

    /// A custom field of the org; nil when unknown or another org's.
    public func customField(_ id: Int64, in org: Int64) throws -> CustomFieldDefinition? {
        try connection.queryFirst("""
            SELECT \(CustomFieldDefinition.columns) FROM custom_fields
            WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(CustomFieldDefinition.init(row:))
    }
}
