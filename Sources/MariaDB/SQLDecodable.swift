#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift type that can be decoded from a result column.
///
/// Implementations throw ``RowDecodingError`` when the value does not fit — decoding never traps.
public protocol SQLDecodable {
    /// Decodes `sqlValue`, read from `column` (the name is for the error).
    init(sqlValue: Value, column: String) throws
}

extension Value: SQLDecodable {
    public init(sqlValue: Value, column: String) throws { self = sqlValue }
}

/// Reads an integer from `.int`, or from `.string` holding a whole number (e.g. `DECIMAL` sums).
private func integer(_ value: Value, column: String, expected: String) throws -> Int64 {
    switch value {
    case .int(let number):
        return number
    case .string(let text):
        if let number = Int64(text) { return number }
        // DECIMAL renders "12.000": accept a zero fraction.
        if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].allSatisfy({ $0 == "0" }),
           let number = Int64(text[..<dot]) {
            return number
        }
        throw RowDecodingError(column: column, expected: expected, found: "non-integer string")
    default:
        throw RowDecodingError(column: column, expected: expected, found: value.kindName)
    }
}

/// Narrows an integer to `T`, throwing when it is out of range.
private func narrow<T: FixedWidthInteger>(_ value: Value, column: String) throws -> T {
    let wide = try integer(value, column: column, expected: "\(T.self)")
    guard let narrow = T(exactly: wide) else {
        throw RowDecodingError(column: column, expected: "\(T.self)", found: "out-of-range int")
    }
    return narrow
}

extension Int64: SQLDecodable {
    public init(sqlValue: Value, column: String) throws {
        self = try integer(sqlValue, column: column, expected: "Int64")
    }
}

extension Int: SQLDecodable {
    public init(sqlValue: Value, column: String) throws { self = try narrow(sqlValue, column: column) }
}

extension Int32: SQLDecodable {
    public init(sqlValue: Value, column: String) throws { self = try narrow(sqlValue, column: column) }
}

extension UInt32: SQLDecodable {
    public init(sqlValue: Value, column: String) throws { self = try narrow(sqlValue, column: column) }
}

extension Double: SQLDecodable {
    /// Reads `.double`, `.int`, or a `DECIMAL` rendered as `.string`.
    public init(sqlValue: Value, column: String) throws {
        switch sqlValue {
        case .double(let number): self = number
        case .int(let number): self = Double(number)
        case .string(let text):
            guard let number = Double(text) else {
                throw RowDecodingError(column: column, expected: "Double", found: "non-numeric string")
            }
            self = number
        default:
            throw RowDecodingError(column: column, expected: "Double", found: sqlValue.kindName)
        }
    }
}

extension Bool: SQLDecodable {
    /// Reads 0 as `false` and 1 as `true`; any other value throws.
    public init(sqlValue: Value, column: String) throws {
        switch sqlValue {
        case .int(0): self = false
        case .int(1): self = true
        case .int: throw RowDecodingError(column: column, expected: "Bool", found: "int other than 0/1")
        default: throw RowDecodingError(column: column, expected: "Bool", found: sqlValue.kindName)
        }
    }
}

extension String: SQLDecodable {
    /// Reads `.string`, or `.bytes` holding valid UTF-8 (binary collations).
    public init(sqlValue: Value, column: String) throws {
        switch sqlValue {
        case .string(let text): self = text
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw RowDecodingError(column: column, expected: "String", found: "non-UTF-8 bytes")
            }
            self = text
        default:
            throw RowDecodingError(column: column, expected: "String", found: sqlValue.kindName)
        }
    }
}

extension Array: SQLDecodable where Element == UInt8 {
    /// Reads `.bytes`, or the UTF-8 bytes of `.string`.
    public init(sqlValue: Value, column: String) throws {
        switch sqlValue {
        case .bytes(let bytes): self = bytes
        case .string(let text): self = Array(text.utf8)
        default: throw RowDecodingError(column: column, expected: "[UInt8]", found: sqlValue.kindName)
        }
    }
}

extension Data: SQLDecodable {
    /// Reads `.bytes`, or the UTF-8 bytes of `.string`.
    public init(sqlValue: Value, column: String) throws {
        self = Data(try [UInt8](sqlValue: sqlValue, column: column))
    }
}

extension Date: SQLDecodable {
    /// Reads `DATETIME` / `TIMESTAMP` / `DATE` values (UTC).
    public init(sqlValue: Value, column: String) throws {
        guard case .date(let date) = sqlValue else {
            throw RowDecodingError(column: column, expected: "Date", found: sqlValue.kindName)
        }
        self = date
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    /// `NULL` decodes as `nil`; anything else as `Wrapped`.
    public init(sqlValue: Value, column: String) throws {
        if case .null = sqlValue {
            self = nil
        } else {
            self = try Wrapped(sqlValue: sqlValue, column: column)
        }
    }
}

