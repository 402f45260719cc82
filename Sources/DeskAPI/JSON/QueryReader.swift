import DeskCore
import DeskHTTP
import Foundation

/// Reads list query parameters; a bad value is 422 `INVALID_DATA` naming the parameter (`fieldName` is
/// the parameter's name). Unknown parameters are ignored, as Zoho Desk does.
struct QueryReader {
    let query: QueryParameters

    /// `from` (1-based, default 1) and `limit` (1…100, default 10) as a `Page`.
    func page(defaultLimit: Int = 10) throws -> Page {
        let from = try integer("from", in: 1...Int(Int32.max)) ?? 1
        let limit = try integer("limit", in: 1...100) ?? defaultLimit
        return Page(from: from, limit: limit)
    }

    /// An integer parameter within `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = query[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Self.invalid(name, "Expected an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// A positive ID parameter, or nil when absent.
    func id(_ name: String) throws -> Int64? {
        guard let text = query[name] else { return nil }
        guard let value = Int64(text), value > 0 else { throw Self.invalid(name, "Expected an ID.") }
        return value
    }

    /// A parameter that must be one of `T`'s raw values, or nil when absent.
    func enumValue<T: RawRepresentable>(_ name: String, _ type: T.Type, allowed: [String]) throws -> T? where T.RawValue == String {
        guard let text = query[name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw Self.invalid(name, "Expected one of: \(allowed.joined(separator: ", ")).")
        }
        return value
    }

    /// An ISO 8601 date-time parameter, or nil when absent.
    func date(_ name: String) throws -> Date? {
        guard let text = query[name] else { return nil }
        guard let date = APITime.parse(text) else { throw Self.invalid(name, "Expected an ISO 8601 date-time.") }
        return date
    }

    /// A range `a,b` of ISO 8601 date-times (`a` before or at `b`), or nil when absent.
    func dateRange(_ name: String) throws -> (from: Date, to: Date)? {
        guard let text = query[name] else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = APITime.parse(String(parts[0])), let to = APITime.parse(String(parts[1])),
              from <= to else {
            throw Self.invalid(name, "Expected two ISO 8601 date-times separated by a comma, the first not after the second.")
        }
        return (from, to)
    }

    /// 422 `INVALID_DATA` naming the parameter.
    static func invalid(_ name: String, _ message: String) -> HTTPError {
        HTTPError.invalidData("The parameter \(name) is invalid.",
                              fieldErrors: [FieldError(fieldName: name, errorType: "invalid", errorMessage: message)])
    }
}
