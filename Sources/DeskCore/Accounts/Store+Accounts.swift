extension Store {
    /// A live account of the actor's org that it may read; nil when unknown, another org's, or in the recycle bin.
    public func account(_ id: Int64, for actor: Actor) throws -> Account? {
        try record(Account.self, id, for: actor)
    }

    /// A page of the live accounts in `sort` order (ties by id).
    public func accounts(for actor: Actor, page: Page, sort: AccountSort = .default) throws -> [Account] {
        try records(Account.self, for: actor, page: page, sort: sort)
    }

    /// How many live accounts the actor may read.
    public func accountCount(for actor: Actor) throws -> Int {
        try recordCount(Account.self, for: actor)
    }

    /// The org's live accounts whose name or email starts with `query` (case-insensitive, `%` and `_` match
    /// literally), by name then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchAccounts(for actor: Actor, query: String, page: Page) throws -> [Account] {
        try searchRecords(Account.self, for: actor, query: query, page: page)
    }
}
