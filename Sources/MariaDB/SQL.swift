/// A SQL statement whose string interpolation **binds** values.
///
/// ```swift
/// let sql: SQL = """
///     UPDATE tickets SET status = \(status) WHERE org_id = \(org) AND id = \(id)
///     """
/// // sql.text     == "UPDATE tickets SET status = ? WHERE org_id = ? AND id = ?"
/// // sql.bindings == [.string(status), .int(org), .int(id)]
/// ```
///
/// Raw text only enters through ``StringInterpolation/appendInterpolation(unsafeRaw:)``, which is for
/// identifiers taken from a fixed allow-list — never for user input.
public struct SQL: ExpressibleByStringInterpolation, Sendable, Equatable, CustomStringConvertible {
    /// The statement text with `?` placeholders.
    public let text: String
    /// The values bound to the placeholders, in order.
    public let bindings: [Value]

    /// A statement with no bound values, from a literal.
    public init(stringLiteral value: String) {
        self.text = value
        self.bindings = []
    }

    /// A statement built by interpolation.
    public init(stringInterpolation: StringInterpolation) {
        self.text = stringInterpolation.text
        self.bindings = stringInterpolation.bindings
    }

    /// A statement from text that is not a literal, with explicit bindings.
    ///
    /// The text must come from the program (for example built from allow-listed identifiers), never from
    /// user input; the number of `?` must match `bindings`.
    public init(unsafeRaw text: String, bindings: [Value] = []) {
        self.text = text
        self.bindings = bindings
    }

    /// The SQL text only (no bound values), safe to log.
    public var description: String { text }

    /// Joins two fragments, keeping their bindings in order.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        SQL(unsafeRaw: lhs.text + rhs.text, bindings: lhs.bindings + rhs.bindings)
    }

    /// Joins fragments with a separator, e.g. `SQL.joined(conditions, separator: " AND ")`.
    public static func joined(_ parts: [SQL], separator: String) -> SQL {
        SQL(unsafeRaw: parts.map(\.text).joined(separator: separator),
            bindings: parts.flatMap(\.bindings))
    }

    /// Collects literal text and bound values.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var text: String
        var bindings: [Value]

        public init(literalCapacity: Int, interpolationCount: Int) {
            text = ""
            // Room for the interpolated fragments too (column lists, conditions): growing the text while
            // appending them cost reallocations and copies on every query.
            text.reserveCapacity(literalCapacity + interpolationCount + (interpolationCount > 0 ? 256 : 0))
            bindings = []
            bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Appends a `?` placeholder and binds `value`.
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            text += "?"
            bindings.append(value.sqlValue)
        }

        /// Appends a `?` placeholder and binds `value`, or `NULL` when it is `nil`.
        public mutating func appendInterpolation<T: SQLBindable>(_ value: T?) {
            text += "?"
            bindings.append(value.sqlValue)
        }

        /// Appends raw text: only for identifiers from a fixed allow-list, never user input.
        public mutating func appendInterpolation(unsafeRaw raw: String) {
            text += raw
        }

        /// Appends another SQL fragment with its bindings.
        public mutating func appendInterpolation(_ fragment: SQL) {
            text += fragment.text
            bindings.append(contentsOf: fragment.bindings)
        }

        /// Appends `?, ?, ?` binding each element, for `IN (…)` lists. An empty list renders `NULL`,
        /// so `x IN (NULL)` matches nothing.
        public mutating func appendInterpolation(list values: some Sequence<some SQLBindable>) {
            var first = true
            for value in values {
                text += first ? "?" : ", ?"
                first = false
                bindings.append(value.sqlValue)
            }
            if first { text += "NULL" }
        }
    }
}
