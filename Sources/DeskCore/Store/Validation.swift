import Foundation

/// Checks shared by the CLI and the API; failures name the API field.
///
/// Every create and update runs these, so ASCII input (the common case) is checked byte by byte; other
/// input takes the Unicode-aware path. Both give the same answers.
enum Validation {
    /// A non-empty text of at most `max` characters.
    static func text(_ value: String, field: String, max: Int) throws {
        guard !isBlank(value) else {
            throw StoreError.invalid(field: field, reason: "must not be empty")
        }
        try length(value, field: field, max: max)
    }

    /// At most `max` characters.
    static func length(_ value: String, field: String, max: Int) throws {
        // A character is at least one UTF-8 byte: counting characters is only needed for long values.
        guard value.utf8.count <= max || value.count <= max else {
            throw StoreError.invalid(field: field, reason: "must be at most \(max) characters")
        }
    }

    /// Whether `value` is empty or only what `trimmingCharacters(in: .whitespacesAndNewlines)` removes.
    /// Decided on the bytes while they are ASCII (whitespace and newlines are 9…13 and 32 there); the first
    /// non-ASCII byte hands the question to Foundation.
    static func isBlank(_ value: String) -> Bool {
        for byte in value.utf8 {
            if byte >= 0x80 { return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if byte != 32 && !(9...13).contains(byte) { return false }
        }
        return true
    }

    /// A plausible email address: one `@`, a local part, a dotted domain, no spaces, at most 254 characters.
    static func email(_ value: String, field: String) throws {
        let valid = value.utf8.allSatisfy({ $0 < 0x80 }) ? isPlausibleASCIIEmail(value.utf8) : isPlausibleEmail(value)
        guard valid else { throw StoreError.invalid(field: field, reason: "is not a valid email address") }
    }

    /// ``email(_:field:)`` for any text.
    static func isPlausibleEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        return value.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[0].count <= 64
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !parts[1].contains("..")
            && !value.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" || $0 == "," })
    }

    /// ``isPlausibleEmail(_:)`` for ASCII text, on its bytes (whitespace and newlines are bytes 9…13 and 32
    /// there; "\r\n", the one two-byte ASCII character, is refused as a newline either way).
    static func isPlausibleASCIIEmail(_ bytes: String.UTF8View) -> Bool {
        guard bytes.count <= 254 else { return false }
        var at: String.UTF8View.Index?
        for index in bytes.indices {
            switch bytes[index] {
            case 9...13, 32, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","):
                return false
            case UInt8(ascii: "@"):
                guard at == nil else { return false }
                at = index
            default:
                break
            }
        }
        guard let at else { return false }
        let localLength = bytes.distance(from: bytes.startIndex, to: at)
        guard localLength >= 1, localLength <= 64 else { return false }
        let domain = bytes[bytes.index(after: at)...]
        guard let first = domain.first, let last = domain.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".")
        else { return false }
        var sawDot = false
        var previousWasDot = false
        for byte in domain {
            let isDot = byte == UInt8(ascii: ".")
            if isDot && previousWasDot { return false }
            sawDot = sawDot || isDot
            previousWasDot = isDot
        }
        return sawDot
    }
}
