import Foundation
import MariaDB

extension WriteTransaction {
    /// The audit record type of custom field definitions.
    static let customFieldRecordType = "customField"

    /// Creates a custom field; audits 'create'. A derived api name gets `_2`, `_3`, … when taken; a given
    /// one that is taken is refused (`apiName`).
    public func createCustomField(_ draft: CustomFieldDraft) throws -> CustomFieldDefinition {
        try CustomFieldRules.validate(label: draft.displayLabel)
        try CustomFieldRules.validate(allowedValues: draft.allowedValues, type: draft.type)
        let maxLength = try CustomFieldRules.maxLength(draft.maxLength, type: draft.type)
        let existing = try connection.query("""
            SELECT api_name FROM custom_fields WHERE org_id = \(orgID) AND module = \(draft.module.rawValue) FOR UPDATE
            """).map { try $0.decode("api_name", as: String.self) }
        guard existing.count < CustomFieldRules.maxFieldsPerModule else {
            throw StoreError.invalid(field: "module", reason: "has the most custom fields allowed (\(CustomFieldRules.maxFieldsPerModule))")
        }
        let taken = Set(existing)
        var apiName: String
        if let given = draft.apiName {
            guard CustomFieldRules.isValidAPIName(given) else {
                throw StoreError.invalid(field: "apiName", reason: "must match ^cf_[a-z0-9_]{1,60}$")
            }
            guard !taken.contains(given) else { throw StoreError.invalid(field: "apiName", reason: "is already used in this module") }
            apiName = given
        } else {
            let base = CustomFieldRules.apiName(fromLabel: draft.displayLabel)
            apiName = base
            var suffix = 2
            while taken.contains(apiName) {
                apiName = "\(base)_\(suffix)"
                suffix += 1
            }
        }
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO custom_fields (org_id, id, module, api_name, display_label, field_type, allowed_values,
                                       max_length, is_mandatory, is_personal, is_encrypted, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(draft.module.rawValue), \(apiName), \(draft.displayLabel), \(draft.type.rawValue),
                    \(draft.allowedValues.map(CustomFieldText.encodeList)), \(maxLength.map(Int64.init)),
                    \(draft.isMandatory ? 1 : 0), \(draft.isPersonal ? 1 : 0), 0, \(now), \(now), 1)
            """)
        guard let field = try lockedCustomField(id) else { throw StoreError.notFound }
        let changes = Self.auditValues(of: field).compactMap { name, value in
            value.map { FieldChange(field: name, old: nil, new: $0) }
        }
        try audit(.create, Self.customFieldRecordType, id, changes)
        return field
    }

    /// Changes a custom field's label, allowed values, max length or flags; audits 'update' (old → new).
    /// Stored values stay as they are (a value no longer allowed is checked when that field is next written).
    public func updateCustomField(_ id: Int64, changes: CustomFieldChanges, expectedVersion: Int64?) throws -> CustomFieldDefinition {
        guard let current = try lockedCustomField(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let label = changes.displayLabel ?? current.displayLabel
        try CustomFieldRules.validate(label: label)
        if let values = changes.allowedValues { try CustomFieldRules.validate(allowedValues: values, type: current.type) }
        let allowed = changes.allowedValues ?? current.allowedValues
        var maxLength = current.maxLength
        if let change = changes.maxLength { maxLength = try CustomFieldRules.maxLength(change, type: current.type) }
        let mandatory = changes.isMandatory ?? current.isMandatory
        let personal = changes.isPersonal ?? current.isPersonal
        let diff = FieldDiff.changes(
            from: Self.auditValues(of: current),
            to: Self.auditValues(module: current.module, apiName: current.apiName, label: label, type: current.type,
                                 allowed: allowed, maxLength: maxLength, mandatory: mandatory, personal: personal))
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE custom_fields SET display_label = \(label), allowed_values = \(allowed.map(CustomFieldText.encodeList)),
                max_length = \(maxLength.map(Int64.init)), is_mandatory = \(mandatory ? 1 : 0),
                is_personal = \(personal ? 1 : 0), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id)
            """)
        guard let updated = try lockedCustomField(id) else { throw StoreError.notFound }
        try audit(.update, Self.customFieldRecordType, id, diff)
        return updated
    }

    /// Deletes a custom field for good: its definition and, in the same transaction, its value in every
    /// record of the module (live or in the recycle bin), each record audited ('update', `cf.<api name>`
    /// old → null) and its version bumped; the field is audited 'delete'. A new field may then take the
    /// same api name without old values reappearing. The field's permission settings go with it
    /// (each profile's audited as `fieldPermission` 'delete').
    public func deleteCustomField(_ id: Int64, expectedVersion: Int64?) throws {
        guard let field = try lockedCustomField(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != field.version {
            throw StoreError.versionMismatch(current: field.version)
        }
        let path = "$.\(field.apiName)"
        let table = field.module.table
        let holders = try connection.query("""
            SELECT id, JSON_UNQUOTE(JSON_EXTRACT(cf, \(path))) AS value FROM \(unsafeRaw: table)
            WHERE org_id = \(orgID) AND cf IS NOT NULL AND JSON_CONTAINS_PATH(cf, 'one', \(path))
            ORDER BY id FOR UPDATE
            """)   // allow-listed: CustomFieldModule.table
        for row in holders {
            let recordID = try row.decode("id", as: Int64.self)
            let old = try row.decode("value", as: String?.self)
            try connection.execute("""
                UPDATE \(unsafeRaw: table)
                SET cf = NULLIF(JSON_REMOVE(cf, \(path)), '{}'), updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(recordID)
                """)   // allow-listed: CustomFieldModule.table
            try audit(.update, field.module.recordType, recordID, [FieldChange(field: "cf.\(field.apiName)", old: old, new: nil)])
        }
        try connection.execute("""
            DELETE FROM custom_fields WHERE org_id = \(orgID) AND id = \(id)
            """)
        if let module = AccessModule(rawValue: field.module.rawValue) {
            try removeFieldPermissions(module: module, field: field.apiName)
        }
        try audit(.delete, Self.customFieldRecordType, id, [
            FieldChange(field: "module", old: field.module.rawValue, new: nil),
            FieldChange(field: "apiName", old: field.apiName, new: nil),
        ])
    }

    /// The new `cf` of a record of `module`: `current` with `input` applied (a nil value clears). Unknown
    /// api names, wrong types and disallowed values are `StoreError.invalid(field: "cf/<api name>")`; on a
    /// create (`isCreate`) every mandatory field must get a value. Reads the definitions only when called.
    /// A value for a field the actor's profile makes read-only or hidden is ``FieldPermissionDenied``
    /// (the API refuses such bodies before they get here; this is the write path's own check).
    func resolveCustomFields(_ module: CustomFieldModule, input: [String: CustomFieldInput],
                             current: [String: String], isCreate: Bool) throws -> CustomFieldValues {
        try requireWritableCustomFields(module, input: input)
        let fields = try connection.query("""
            SELECT \(CustomFieldDefinition.columns) FROM custom_fields
            WHERE org_id = \(orgID) AND module = \(module.rawValue) AND deleted_at IS NULL
            ORDER BY api_name LOCK IN SHARE MODE
            """).map(CustomFieldDefinition.init(row:))
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.apiName, $0) })
        var values = current
        for name in input.keys.sorted() {
            guard let field = byName[name] else {
                throw StoreError.invalid(field: "cf/\(name)", reason: "is not a custom field of \(module.rawValue)")
            }
            values[name] = try CustomFieldValidator.canonical(input[name]!, for: field)
        }
        if isCreate {
            for field in fields where field.isMandatory && values[field.apiName] == nil {
                throw StoreError.invalid(field: "cf/\(field.apiName)", reason: "is mandatory")
            }
        }
        return CustomFieldValues(names: fields.map(\.apiName), values: values)
    }

    /// Refuses input for custom fields the actor may not write (nothing to check for administrators).
    private func requireWritableCustomFields(_ module: CustomFieldModule, input: [String: CustomFieldInput]) throws {
        let access = actor.access
        guard !input.isEmpty, !access.isAdministrator, !access.fields.isEmpty,
              let accessModule = AccessModule(rawValue: module.rawValue) else { return }
        let refusals = FieldPermissionCheck.unwritable(input.keys.sorted(), module: accessModule, access: access)
        if !refusals.isEmpty { throw FieldPermissionDenied(module: accessModule, refusals: refusals) }
    }

    private func lockedCustomField(_ id: Int64) throws -> CustomFieldDefinition? {
        try connection.queryFirst("""
            SELECT \(CustomFieldDefinition.columns) FROM custom_fields
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(CustomFieldDefinition.init(row:))
    }

    private static func auditValues(of field: CustomFieldDefinition) -> [(field: String, value: String?)] {
        auditValues(module: field.module, apiName: field.apiName, label: field.displayLabel, type: field.type,
                    allowed: field.allowedValues, maxLength: field.maxLength, mandatory: field.isMandatory,
                    personal: field.isPersonal)
    }

    private static func auditValues(module: CustomFieldModule, apiName: String, label: String, type: CustomFieldType,
                                    allowed: [String]?, maxLength: Int?, mandatory: Bool,
                                    personal: Bool) -> [(field: String, value: String?)] {
        [
            ("module", module.rawValue),
            ("apiName", apiName),
            ("displayLabel", label),
            ("type", type.rawValue),
            ("allowedValues", allowed.map(CustomFieldText.encodeList)),
            ("maxLength", maxLength.map(String.init)),
            ("isMandatory", String(mandatory)),
            ("isPersonalData", String(personal)),
        ]
    }
}
