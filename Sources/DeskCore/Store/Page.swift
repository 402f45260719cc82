import MariaDB

/// A page of a list, Zoho style: `from` is the 1-based position of the first record, `limit` 1…100.
public struct Page: Sendable, Equatable {
    /// 1-based index of the first record.
    public var from: Int
    /// Records per page, 1…100.
    public var limit: Int

    /// The largest page size.
    public static let maxLimit = 100

    public init(from: Int = 1, limit: Int = 10) {
        self.from = from
        self.limit = limit
    }

    /// Throws `StoreError.invalid` (fields "from" / "limit") when out of range.
    func validate() throws {
        guard from >= 1 else { throw StoreError.invalid(field: "from", reason: "must be 1 or more") }
        guard (1...Self.maxLimit).contains(limit) else {
            throw StoreError.invalid(field: "limit", reason: "must be 1…\(Self.maxLimit)")
        }
    }

    /// The SQL `LIMIT … OFFSET …` clause.
    var sql: SQL { "LIMIT \(limit) OFFSET \(from - 1)" }
}
