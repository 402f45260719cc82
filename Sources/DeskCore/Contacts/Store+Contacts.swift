extension Store {
    /// A live contact of the org; nil when unknown, another org's, or in the recycle bin.
    public func contact(_ id: Int64, in org: Int64) throws -> Contact? {
        try record(Contact.self, id, in: org)
    }

    /// A page of the org's live contacts in `sort` order (ties by id).
    public func contacts(in org: Int64, page: Page, sort: ContactSort = .default) throws -> [Contact] {
        try records(Contact.self, in: org, page: page, sort: sort)
    }

    /// How many live contacts the org has.
    public func contactCount(in org: Int64) throws -> Int {
        try recordCount(Contact.self, in: org)
    }

    /// The org's live contacts whose first name, last name or email starts with `query` (case-insensitive,
    /// `%` and `_` match literally), by last name then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchContacts(in org: Int64, query: String, page: Page) throws -> [Contact] {
        try searchRecords(Contact.self, in: org, query: query, page: page)
    }
}
