#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A database value, as bound to a statement parameter or read from a result column.
///
/// Integers of every width read as ``int(_:)``; `FLOAT`/`DOUBLE` as ``double(_:)``; text columns
/// (and `DECIMAL`, `TIME`, `YEAR`-like text renderings) as ``string(_:)``; binary columns (`BLOB`,
/// `VARBINARY`, `BIT`) as ``bytes(_:)``; `DATE`, `DATETIME` and `TIMESTAMP` as ``date(_:)`` in UTC.
public enum Value: Sendable, Equatable {
    /// SQL `NULL`.
    case null
    /// A signed 64-bit integer (also booleans, stored as 0 / 1).
    case int(Int64)
    /// A double-precision floating-point number.
    case double(Double)
    /// UTF-8 text.
    case string(String)
    /// Raw bytes.
    case bytes([UInt8])
    /// A point in time, stored as a UTC `DATETIME(6)` with microsecond precision.
    case date(Date)

    /// `true` for ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The name of the case, for error messages that must not carry the value itself.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .date: "date"
        }
    }
}
