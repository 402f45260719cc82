/// A result column could not be decoded into the requested Swift type.
///
/// It names the column, the expected type and the kind of value found — never the value itself.
public struct RowDecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The column that failed to decode.
    public let column: String
    /// The Swift type (or shape) that was asked for.
    public let expected: String
    /// The kind of value found (``Value/kindName``), or a short reason such as "missing column".
    public let found: String?

    /// Creates a decoding error for `column`.
    public init(column: String, expected: String, found: String? = nil) {
        self.column = column
        self.expected = expected
        self.found = found
    }

    public var description: String {
        var text = "cannot decode column \"\(column)\" as \(expected)"
        if let found { text += " (found \(found))" }
        return text
    }
}
