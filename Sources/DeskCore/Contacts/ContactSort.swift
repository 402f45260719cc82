/// The order of a contact list: a field and a direction; ties are broken by contact id.
public struct ContactSort: Sendable, Equatable {
    /// The sortable fields, named as in the API's `sortBy`.
    public enum Field: String, Sendable, CaseIterable {
        case createdTime, modifiedTime, lastName

        /// The column, from this fixed allow-list.
        var column: String {
            switch self {
            case .createdTime: "created_at"
            case .modifiedTime: "updated_at"
            case .lastName: "last_name"
            }
        }
    }

    public var field: Field
    public var descending: Bool

    public init(_ field: Field = .createdTime, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// Oldest first by creation time.
    public static let createdTime = ContactSort(.createdTime)

    /// Parses the API form: `createdTime`, `-lastName`, …; nil for anything else.
    public init?(sortBy: String) {
        let descending = sortBy.hasPrefix("-")
        guard let field = Field(rawValue: descending ? String(sortBy.dropFirst()) : sortBy) else { return nil }
        self.init(field, descending: descending)
    }
}
