extension Store {
    /// A live contact of the actor's org that it may read; nil when unknown, another org's, or in the recycle bin.
    public func contact(_ id: Int64, for actor: Actor) throws -> Contact? {
        try record(Contact.self, id, for: actor)
    }

    /// A page of the live contacts in `sort` order (ties by id).
    public func contacts(for actor: Actor, page: Page, sort: ContactSort = .default) throws -> [Contact] {
        try records(Contact.self, for: actor, page: page, sort: sort)
    }

    /// How many live contacts the actor may read.
    public func contactCount(for actor: Actor) throws -> Int {
        try recordCount(Contact.self, for: actor)
    }

    /// The org's live contacts whose first name, last name or email starts with `query` (case-insensitive,
    /// `%` and `_` match literally), by last name then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchContacts(for actor: Actor, query: String, page: Page) throws -> [Contact] {
        try searchRecords(Contact.self, for: actor, query: query, page: page)
    }
}
