import Foundation

/// Checks a custom field value against its definition and gives its canonical text (nil clears it).
/// Failures are `StoreError.invalid` naming the field as `cf/<api name>` (the API renders `/cf/<api name>`).
enum CustomFieldValidator {
    static func canonical(_ input: CustomFieldInput, for field: CustomFieldDefinition) throws -> String? {
        let name = "cf/\(field.apiName)"
        func invalid(_ reason: String) -> StoreError { .invalid(field: name, reason: reason) }
        if case .string(let text) = input, text.isEmpty { return try required(nil, field) }
        if case .null = input { return try required(nil, field) }
        switch field.type {
        case .text, .textarea, .phone:
            guard case .string(let text) = input else { throw invalid("must be a string") }
            let limit = field.maxLength ?? field.type.lengthLimit?.max ?? 50
            guard text.unicodeScalars.count <= limit else { throw invalid("must be at most \(limit) characters") }
            if field.type != .textarea, text.contains(where: \.isNewline) { throw invalid("must be one line") }
            return text
        case .email:
            guard case .string(let text) = input else { throw invalid("must be a string") }
            try Validation.email(text, field: name)
            return text
        case .url:
            guard case .string(let text) = input, text.unicodeScalars.count <= 255,
                  let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", url.host != nil else {
                throw invalid("must be an http or https URL of at most 255 characters")
            }
            return text
        case .number:
            switch input {
            case .number(let value) where value == value.rounded() && abs(value) <= 999_999_999_999_999:
                return String(Int64(value))
            case .string(let text) where text.range(of: #"^-?[0-9]{1,15}$"#, options: .regularExpression) != nil:
                return String(Int64(text)!)
            default: throw invalid("must be an integer of at most 15 digits")
            }
        case .decimal:
            let pattern = #"^-?[0-9]{1,15}(\.[0-9]{1,9})?$"#
            switch input {
            case .number(let value) where "\(value)".range(of: pattern, options: .regularExpression) != nil:
                return "\(value)"
            case .string(let text) where text.range(of: pattern, options: .regularExpression) != nil:
                return text
            default: throw invalid("must be a decimal number (at most 15 digits before and 9 after the point)")
            }
        case .boolean:
            switch input {
            case .bool(let flag): return flag ? "true" : "false"
            case .string("true"): return "true"
            case .string("false"): return "false"
            default: throw invalid("must be true or false")
            }
        case .date:
            guard case .string(let text) = input, let date = CustomFieldDates.date(text) else {
                throw invalid("must be a date yyyy-MM-dd")
            }
            return date
        case .dateTime:
            guard case .string(let text) = input, let time = CustomFieldDates.dateTime(text) else {
                throw invalid("must be an ISO 8601 date-time such as 2026-01-02T03:04:05.000Z")
            }
            return time
        case .picklist:
            guard case .string(let text) = input else { throw invalid("must be a string") }
            guard field.allowedValues?.contains(text) == true else { throw invalid("is not one of the allowed values") }
            return text
        case .multiselect:
            let choices: [String]
            switch input {
            case .list(let items):
                guard items.allSatisfy({ $0 != nil }) else { throw invalid("must be an array of strings") }
                choices = items.compactMap { $0 }
            case .string(let text): choices = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            default: throw invalid("must be an array of strings")
            }
            if choices.isEmpty { return try required(nil, field) }
            guard Set(choices).count == choices.count else { throw invalid("must not repeat a value") }
            guard choices.allSatisfy({ field.allowedValues?.contains($0) == true }) else {
                throw invalid("is not one of the allowed values")
            }
            return choices.joined(separator: ";")
        }
    }

    /// Clearing is refused for a mandatory field.
    private static func required(_ value: String?, _ field: CustomFieldDefinition) throws -> String? {
        if value == nil && field.isMandatory {
            throw StoreError.invalid(field: "cf/\(field.apiName)", reason: "is mandatory")
        }
        return value
    }
}
