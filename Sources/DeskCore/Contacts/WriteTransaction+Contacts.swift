extension WriteTransaction {
    /// Creates a contact; audits 'create' with every set field.
    ///
    /// - Throws: `StoreError.invalid(field:reason:)`, e.g. for `accountId` when it is not a live account
    ///   of this org.
    public func createContact(_ draft: ContactDraft) throws -> Contact {
        try create(Contact.self, draft)
    }

    /// Applies `changes` to a live contact, as ``update(_:_:changes:expectedVersion:)`` does.
    public func updateContact(_ id: Int64, changes: ContactChanges, expectedVersion: Int64?) throws -> Contact {
        try update(Contact.self, id, changes: changes, expectedVersion: expectedVersion)
    }

    /// Moves live contacts to the recycle bin, auditing 'trash' for each. Throws `StoreError.notFound` —
    /// writing nothing — if any id is not a live contact of the org.
    public func moveToTrash(contacts ids: [Int64]) throws {
        try moveToTrash(Contact.self, ids)
    }

    /// The account must be a live account of this org that the actor may read (one out of its reach is
    /// refused exactly like an unknown one); it stays locked (shared) until the write ends, so it cannot be
    /// trashed meanwhile.
    func validate(account: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM accounts WHERE org_id = \(orgID) AND id = \(account) AND deleted_at IS NULL
                AND \(actor.readCondition(.account)) LOCK IN SHARE MODE
            """)
        guard row != nil else { throw StoreError.invalid(field: "accountId", reason: "is not an account of this org") }
    }
}
