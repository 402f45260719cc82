import MariaDB

extension Row {
    /// Decodes a text column into a `String`-backed enum; unknown text throws `RowDecodingError`.
    func decodeRaw<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        try RawColumn.value(try decode(column, as: String.self), column: column)
    }

    /// Like `decodeRaw`, with `NULL` as nil.
    func decodeRawOptional<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        try decode(column, as: String?.self).map { try RawColumn.value($0, column: column) }
    }
}

extension RowReader {
    /// Decodes a text column into a `String`-backed enum, as `Row.decodeRaw` does.
    mutating func decodeRaw<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        try RawColumn.value(try decode(column, as: String.self), column: column)
    }

    /// Like `decodeRaw`, with `NULL` as nil.
    mutating func decodeRawOptional<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        try decode(column, as: String?.self).map { try RawColumn.value($0, column: column) }
    }
}

/// The enum value of a column's text.
private enum RawColumn {
    static func value<T: RawRepresentable>(_ text: String, column: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "unknown value")
        }
        return value
    }
}
