#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable {
    /// The database value to bind.
    var sqlValue: Value { get }
}

extension Value: SQLBindable {
    public var sqlValue: Value { self }
}

extension Int: SQLBindable {
    public var sqlValue: Value { .int(Int64(self)) }
}

extension Int64: SQLBindable {
    public var sqlValue: Value { .int(self) }
}

extension Int32: SQLBindable {
    public var sqlValue: Value { .int(Int64(self)) }
}

extension UInt32: SQLBindable {
    public var sqlValue: Value { .int(Int64(self)) }
}

extension Double: SQLBindable {
    public var sqlValue: Value { .double(self) }
}

extension Bool: SQLBindable {
    /// Booleans are stored as 0 / 1 (`TINYINT(1)`).
    public var sqlValue: Value { .int(self ? 1 : 0) }
}

extension String: SQLBindable {
    public var sqlValue: Value { .string(self) }
}

extension Substring: SQLBindable {
    public var sqlValue: Value { .string(String(self)) }
}

extension Array: SQLBindable where Element == UInt8 {
    public var sqlValue: Value { .bytes(self) }
}

extension Data: SQLBindable {
    public var sqlValue: Value { .bytes([UInt8](self)) }
}

extension Date: SQLBindable {
    /// Dates are stored as UTC `DATETIME(6)`, rounded to the microsecond.
    public var sqlValue: Value { .date(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// `nil` binds SQL `NULL`.
    public var sqlValue: Value { self?.sqlValue ?? .null }
}
