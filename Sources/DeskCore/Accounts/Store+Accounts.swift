extension Store {
    /// A live account of the org; nil when unknown, another org's, or in the recycle bin.
    public func account(_ id: Int64, in org: Int64) throws -> Account? {
        try record(Account.self, id, in: org)
    }

    /// A page of the org's live accounts in `sort` order (ties by id).
    public func accounts(in org: Int64, page: Page, sort: AccountSort = .default) throws -> [Account] {
        try records(Account.self, in: org, page: page, sort: sort)
    }

    /// How many live accounts the org has.
    public func accountCount(in org: Int64) throws -> Int {
        try recordCount(Account.self, in: org)
    }

    /// The org's live accounts whose name or email starts with `query` (case-insensitive, `%` and `_` match
    /// literally), by name then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchAccounts(in org: Int64, query: String, page: Page) throws -> [Account] {
        try searchRecords(Account.self, in: org, query: query, page: page)
    }
}
