import Foundation

/// The rules of custom field definitions: api names, labels, allowed values and lengths.
enum CustomFieldRules {
    /// The most custom fields a module of an org may have.
    static let maxFieldsPerModule = 100
    static let maxLabel = 100
    static let maxAllowedValues = 100
    static let maxAllowedValueLength = 100
    static let apiNamePattern = #"^cf_[a-z0-9_]{1,60}$"#

    static func isValidAPIName(_ name: String) -> Bool {
        name.range(of: apiNamePattern, options: .regularExpression) != nil
    }

    /// `cf_` + the label's ASCII letters and digits in lower case, other runs as `_` (at most 60), or
    /// `cf_field` when the label has none.
    static func apiName(fromLabel label: String) -> String {
        var body = ""
        for scalar in label.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                body.unicodeScalars.append(scalar)
            } else if !body.isEmpty && !body.hasSuffix("_") {
                body.append("_")
            }
        }
        while body.hasSuffix("_") { body.removeLast() }
        body = String(body.prefix(54))
        while body.hasSuffix("_") { body.removeLast() }
        return "cf_" + (body.isEmpty ? "field" : body)
    }

    static func validate(label: String) throws {
        try Validation.text(label, field: "displayLabel", max: maxLabel)
    }

    /// Allowed values only for picklists and multiselects, which need 1…100 distinct, non-empty values of
    /// at most 100 characters (without `;` for a multiselect, whose values are joined with it).
    static func validate(allowedValues: [String]?, type: CustomFieldType) throws {
        guard type.hasAllowedValues else {
            if allowedValues != nil {
                throw StoreError.invalid(field: "allowedValues", reason: "only picklists and multiselects have allowed values")
            }
            return
        }
        guard let values = allowedValues, (1...maxAllowedValues).contains(values.count) else {
            throw StoreError.invalid(field: "allowedValues", reason: "must list 1 to \(maxAllowedValues) values")
        }
        guard Set(values).count == values.count else {
            throw StoreError.invalid(field: "allowedValues", reason: "must not repeat a value")
        }
        for value in values {
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                  value.unicodeScalars.count <= maxAllowedValueLength else {
                throw StoreError.invalid(field: "allowedValues", reason: "each value must have 1 to \(maxAllowedValueLength) characters")
            }
            if type == .multiselect && value.contains(";") {
                throw StoreError.invalid(field: "allowedValues", reason: "multiselect values must not contain ;")
            }
        }
    }

    /// The stored max length: the type's default when nil; only text types have one.
    static func maxLength(_ value: Int?, type: CustomFieldType) throws -> Int? {
        guard let limit = type.lengthLimit else {
            if value != nil { throw StoreError.invalid(field: "maxLength", reason: "only Text and Textarea have a maximum length") }
            return nil
        }
        guard let value else { return limit.default }
        guard (1...limit.max).contains(value) else {
            throw StoreError.invalid(field: "maxLength", reason: "must be 1 to \(limit.max)")
        }
        return value
    }
}
