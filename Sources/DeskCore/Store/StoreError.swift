/// The intended failures of `Store` operations; anything else (a `MariaDBError`) is an internal error.
public enum StoreError: Error, Equatable, Sendable {
    /// The record does not exist in the org, or is in the recycle bin.
    case notFound
    /// The caller expected another version; `current` is the record's version now.
    case versionMismatch(current: Int64)
    /// A unique value is taken, e.g. a portal name or an agent's email; the text names what.
    case conflict(String)
    /// A value is not acceptable; `field` is the API field name (camelCase, e.g. "subject", "assigneeId").
    case invalid(field: String, reason: String)
    /// The actor may read the record but not change it (record-level sharing); a record it cannot read
    /// is `notFound` instead, so that nothing leaks its existence.
    case forbidden
}

extension StoreError: CustomStringConvertible {
    /// A message for operators and clients; it names fields, never values.
    public var description: String {
        switch self {
        case .notFound: "not found"
        case .versionMismatch(let current): "the record has changed (version \(current))"
        case .conflict(let what): "\(what) is already taken"
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .forbidden: "the record is not editable by this agent"
        }
    }
}
