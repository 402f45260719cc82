import MariaDB

extension Row {
    /// Decodes a text column into a `String`-backed enum; unknown text throws `RowDecodingError`.
    func decodeRaw<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        var reader = reader   // a fresh reader finds a column as `decode` does: the first of its name
        return try reader.decodeRaw(column, as: type)
    }

    /// Like `decodeRaw`, with `NULL` as nil.
    func decodeRawOptional<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        var reader = reader
        return try reader.decodeRawOptional(column, as: type)
    }
}

extension RowReader {
    /// Decodes a text column into a `String`-backed enum; unknown text throws `RowDecodingError`.
    mutating func decodeRaw<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: try decode(column, as: String.self)) else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "unknown value")
        }
        return value
    }

    /// Like `decodeRaw`, with `NULL` as nil.
    mutating func decodeRawOptional<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        guard let text = try decode(column, as: String?.self) else { return nil }
        guard let value = T(rawValue: text) else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "unknown value")
        }
        return value
    }
}
