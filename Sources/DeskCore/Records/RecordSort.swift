import MariaDB

/// A field a record list can be sorted by, named as in the API's `sortBy`; each conforming enum is the
/// fixed allow-list of its record's sortable columns.
public protocol RecordSortField: RawRepresentable<String>, CaseIterable, Sendable, Equatable {
    /// The column, from the conforming type's fixed allow-list (never user input).
    var column: String { get }
    /// The field a list is sorted by when the request names none.
    static var defaultField: Self { get }
}

/// The order of a record list: a field and a direction; ties are broken by record id.
public struct RecordSort<Field: RecordSortField>: Sendable, Equatable {
    public var field: Field
    public var descending: Bool

    public init(_ field: Field = .defaultField, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// The default order: ascending by ``RecordSortField/defaultField``.
    public static var `default`: RecordSort { RecordSort() }

    /// Parses the API form: `createdTime`, `-lastName`, …; nil for anything else.
    public init?(sortBy: String) {
        let descending = sortBy.hasPrefix("-")
        guard let field = Field(rawValue: descending ? String(sortBy.dropFirst()) : sortBy) else { return nil }
        self.init(field, descending: descending)
    }

    /// Every `sortBy` name, for error messages.
    public static var keys: [String] { Field.allCases.map(\.rawValue) }

    /// `ORDER BY <column> <dir>, id <dir>`.
    var orderBy: SQL {
        let direction = descending ? "DESC" : "ASC"
        // allow-listed: RecordSortField.column and ASC/DESC
        return "ORDER BY \(unsafeRaw: field.column) \(unsafeRaw: direction), id \(unsafeRaw: direction)"
    }
}
