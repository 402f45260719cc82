import DeskHTTP
import Foundation

/// A JSON object request body read strictly: every field must be one the route knows, of the right type.
///
/// Problems are collected (each a `FieldError` naming its field as a JSON Pointer) and thrown together by
/// `finish()` as one 422 `INVALID_DATA`, so a client sees every problem of its request at once. The typed
/// getters return `nil` for an absent field and `.some(nil)` for an explicit JSON `null`.
final class JSONBody {
    let fields: [String: JSONValue]
    var errors: [FieldError] = []

    /// Parses the request's JSON object with ``JSONValueParser`` (415 for a non-JSON Content-Type, 413 above
    /// the JSON size limit, 400 for an empty or malformed body, 422 for a document that is not an object) and
    /// records every field not in `allowed` as an error.
    init(_ request: HTTPRequest, allowed: Set<String>) throws {
        try request.checkJSONBody()
        let document: JSONValue
        do {
            document = try JSONValueParser.parse(request.body)
        } catch {
            throw HTTPError.badRequest("The request body is not valid JSON.")
        }
        switch document {
        case .object(let fields):
            self.fields = fields
        case .null:
            throw HTTPError.invalidData(fieldErrors: [FieldError(fieldName: "", errorType: "invalid",
                                                                 errorMessage: "Expected an object, found null.")])
        default:
            throw HTTPError.invalidData(fieldErrors: [FieldError(fieldName: "", errorType: "invalid",
                                                                 errorMessage: "Expected an object.")])
        }
        for key in fields.keys.sorted() where !allowed.contains(key) {
            errors.append(FieldError(fieldName: Self.pointer(key), errorType: "invalid",
                                     errorMessage: "The field is not allowed here."))
        }
    }

    /// Whether the body has `key` (with any value, `null` included).
    func has(_ key: String) -> Bool { fields[key] != nil }

    /// A string field of at most `maxLength` Unicode scalars (the database counts code points).
    func string(_ key: String, minLength: Int = 0, maxLength: Int) -> String?? {
        guard let value = fields[key] else { return nil }
        switch value {
        case .null:
            return .some(nil)
        case .string(let text):
            let length = text.unicodeScalars.count
            if length > maxLength {
                fail(key, "tooLong", "At most \(maxLength) characters are allowed.")
                return nil
            }
            if length < minLength {
                fail(key, "invalid", minLength == 1 ? "The value must not be empty." : "At least \(minLength) characters are required.")
                return nil
            }
            return .some(text)
        default:
            fail(key, "invalid", "Expected a string.")
            return nil
        }
    }

    /// A boolean field: nil when absent; a `null` or a non-boolean is recorded as invalid (and gives nil).
    func bool(_ key: String) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard case .bool(let flag) = value else {
            fail(key, "invalid", "Expected true or false.")
            return nil
        }
        return flag
    }

    /// A string field that must be one of `T`'s raw values.
    func enumValue<T: RawRepresentable>(_ key: String, _ type: T.Type, allowed: [String]) -> T?? where T.RawValue == String {
        guard let value = fields[key] else { return nil }
        switch value {
        case .null:
            return .some(nil)
        case .string(let text):
            if let parsed = T(rawValue: text) { return .some(parsed) }
            fail(key, "invalid", "Expected one of: \(allowed.joined(separator: ", ")).")
            return nil
        default:
            fail(key, "invalid", "Expected a string.")
            return nil
        }
    }

    /// An ID field: a positive integer written as a string, as the API renders IDs.
    func id(_ key: String) -> Int64?? {
        guard let value = fields[key] else { return nil }
        if case .null = value { return .some(nil) }
        guard let id = Self.id(value) else {
            fail(key, "invalid", "Expected an ID (a string of digits).")
            return nil
        }
        return .some(id)
    }

    /// An ISO 8601 date-time string field.
    func date(_ key: String) -> Date?? {
        guard let value = fields[key] else { return nil }
        switch value {
        case .null:
            return .some(nil)
        case .string(let text):
            if let date = APITime.parse(text) { return .some(date) }
            fallthrough
        default:
            fail(key, "invalid", "Expected an ISO 8601 date-time such as 2026-01-02T03:04:05.000Z.")
            return nil
        }
    }

    /// A required, non-empty array of IDs (at most `maxCount`).
    func idList(_ key: String, maxCount: Int) -> [Int64]? {
        guard let value = fields[key] else {
            fail(key, "missing", "The field is required.")
            return nil
        }
        guard case .array(let items) = value, !items.isEmpty, items.count <= maxCount else {
            fail(key, "invalid", "Expected an array of 1 to \(maxCount) IDs.")
            return nil
        }
        return ids(items, key: key)
    }

    /// The IDs of an array's `items`; the first item that is not an ID string is recorded as invalid
    /// (`/<key>/<index>`) and gives nil.
    private func ids(_ items: [JSONValue], key: String) -> [Int64]? {
        var ids: [Int64] = []
        ids.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let id = Self.id(item) else {
                errors.append(FieldError(fieldName: Self.pointer(key) + "/\(index)", errorType: "invalid",
                                         errorMessage: "Expected an ID (a string of digits)."))
                return nil
            }
            ids.append(id)
        }
        return ids
    }

    /// An integer field within `range` (a JSON number without fraction): nil when absent; a `null`, a
    /// non-integer or a value out of range is recorded as invalid (and gives nil).
    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = fields[key] else { return nil }
        guard case .number(let number) = value, number.rounded() == number,
              number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            fail(key, "invalid", "Expected an integer from \(range.lowerBound) to \(range.upperBound).")
            return nil
        }
        return Int(number)
    }

    /// An optional array of at most `maxCount` IDs that may be empty: nil when absent; a `null`, a non-array
    /// or a bad item is recorded as invalid (and gives nil).
    func optionalIDList(_ key: String, maxCount: Int) -> [Int64]? {
        guard let value = fields[key] else { return nil }
        guard case .array(let items) = value, items.count <= maxCount else {
            fail(key, "invalid", "Expected an array of at most \(maxCount) IDs.")
            return nil
        }
        return ids(items, key: key)
    }

    /// Records a problem with `key`.
    func fail(_ key: String, _ type: String, _ message: String) {
        errors.append(FieldError(fieldName: Self.pointer(key), errorType: type, errorMessage: message))
    }

    /// Throws 422 `INVALID_DATA` with every recorded problem, if any.
    func finish() throws {
        guard errors.isEmpty else { throw HTTPError.invalidData(fieldErrors: errors) }
    }

    /// A top-level JSON Pointer for `key` (RFC 6901 escaping).
    static func pointer(_ key: String) -> String {
        "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// IDs are strings of digits, as the API renders them: 64-bit IDs do not survive JSON numbers in many
    /// clients (doubles), so numbers are refused rather than silently rounded.
    private static func id(_ value: JSONValue) -> Int64? {
        guard case .string(let text) = value, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
