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
    public let names: [String]
    /// An open-addressing table of column positions by an FNV-1a hash of the name (-1: empty), twice as
    /// large as the column count: a lookup hashes a few bytes and compares one name, where a `[String:
    /// Int]` would run the standard hasher over the name on every decode of every column of every row.
    private let slots: [Int32]

    public init(_ names: [String]) {
        self.names = names
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (position, name) in names.enumerated() {
            var slot = Self.hash(name) & (size - 1)
            var duplicate = false
            while slots[slot] >= 0 {
                if names[Int(slots[slot])] == name { duplicate = true; break }   // the first one wins
                slot = (slot + 1) & (size - 1)
            }
            if !duplicate { slots[slot] = Int32(position) }
        }
        self.slots = slots
    }

    public func index(of name: String) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(name) & mask
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if names[position] == name { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    public static func == (lhs: ResultColumns, rhs: ResultColumns) -> Bool {
        lhs.names == rhs.names
    }

    private static func hash(_ name: String) -> Int {
        var name = name
        // Over the contiguous UTF-8 bytes (a native or small string is made contiguous in place).
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: hash ^ (hash >> 32))
        }
    }
}

extension Row {
    /// A reader of this row's columns by name that expects them in select-list order (``RowReader``).
    public var reader: RowReader { RowReader(row: self) }
}

/// Reads a row's columns by name, expecting them in the order the select list names them: each read first
/// compares the name of the column after the one read before (short names compare in a few instructions)
/// and looks the name up only when that is not it. A record decoded in its select-list order pays no name
/// lookup; one decoded in another order gets the same values, at the cost of the lookups. Of a name the
/// select list repeats, a read gets the occurrence right after the previous read's column when that is one,
/// else the first (as ``Row/decode(_:as:)`` does).
public struct RowReader {
    /// The row being read.
    public let row: Row
    /// Where the next column is expected.
    private var next = 0

    /// Starts at the row's first column.
    public init(row: Row) {
        self.row = row
    }

    /// Decodes `column` as `T`; throws ``RowDecodingError`` when the column is missing or does not fit.
    public mutating func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let index: Int
        if next < row.values.count, row.columns.names[next] == column {
            index = next
        } else if let found = row.columns.index(of: column) {
            index = found
        } else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "missing column")
        }
        next = index + 1
        return try T(sqlValue: row.values[index], column: column)
    }
}
