/// One result row: values by column name or position.
///
/// Rows are plain values (`Sendable`); the column names are shared between the rows of a result.
public struct Row: Sendable {
    /// The column names of the result, shared by all its rows.
    public let columns: ResultColumns
    /// The values, in column order.
    public let values: [Value]

    /// Creates a row; `values` must have one value per column.
    public init(columns: ResultColumns, values: [Value]) {
        precondition(columns.names.count == values.count, "one value per column")
        self.columns = columns
        self.values = values
    }

    /// The value of `column` (the label or name in the select list), or `.null` when there is no such
    /// column. Use ``decode(_:as:)`` to get an error for a missing column instead.
    public subscript(column: String) -> Value {
        guard let index = columns.index(of: column) else { return .null }
        return values[index]
    }

    /// The value at `index` (0-based), or `.null` when out of range.
    public subscript(index: Int) -> Value {
        values.indices.contains(index) ? values[index] : .null
    }

    /// Decodes `column` as `T`; throws ``RowDecodingError`` when the column is missing or does not fit.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index(of: column) else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "missing column")
        }
        return try T(sqlValue: values[index], column: column)
    }

    /// Decodes the value at `index` as `T`; throws ``RowDecodingError`` when out of range or it does not fit.
    public func decode<T: SQLDecodable>(at index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw RowDecodingError(column: "#\(index)", expected: "\(T.self)", found: "missing column")
        }
        return try T(sqlValue: values[index], column: columns.names[index])
    }
}

/// The column names of a result, with a lookup by name.
public struct ResultColumns: Sendable, Equatable {
    /// Names in select-list order.
    public let names: [String]
    private let indexByName: [String: Int]

    /// Creates the column list; with duplicate names the first one wins for lookups.
    public init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil {
            index[name] = position
        }
        self.indexByName = index
    }

    /// The position of `name`, if present.
    public func index(of name: String) -> Int? { indexByName[name] }
}
