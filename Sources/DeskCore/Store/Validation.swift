import Foundation

/// Checks shared by the CLI and the API; failures name the API field.
enum Validation {
    /// A non-empty text of at most `max` characters.
    static func text(_ value: String, field: String, max: Int) throws {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid(field: field, reason: "must not be empty")
        }
        try length(value, field: field, max: max)
    }

    /// At most `max` characters.
    static func length(_ value: String, field: String, max: Int) throws {
        guard value.count <= max else {
            throw StoreError.invalid(field: field, reason: "must be at most \(max) characters")
        }
    }

    /// A plausible email address: one `@`, a local part, a dotted domain, no spaces, at most 254 characters.
    static func email(_ value: String, field: String) throws {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let valid = value.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[0].count <= 64
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !parts[1].contains("..")
            && !value.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" || $0 == "," })
        guard valid else { throw StoreError.invalid(field: field, reason: "is not a valid email address") }
    }
}
