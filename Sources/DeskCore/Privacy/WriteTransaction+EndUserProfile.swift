import MariaDB

extension WriteTransaction {
    /// Saves the signed-in end user's My Info: the contact's names and phone numbers (audited as an
    /// 'update' of the "contact" with the changed fields) and the account's language and time zone
    /// (audited as an 'update' of the "portaluser"). Nothing is written when nothing changed.
    ///
    /// - Throws: `StoreError.invalid(field:reason:)` naming the first problem (``EndUserProfileChanges/problems()``;
    ///   pages check them first to show them all); `StoreError.notFound` when the user or contact is gone.
    @discardableResult
    public func updateOwnProfile(_ user: PortalUser, _ changes: EndUserProfileChanges) throws -> Contact {
        if let (field, problem) = changes.problems().sorted(by: { $0.key < $1.key }).first {
            throw StoreError.invalid(field: field, reason: "\(problem)")
        }
        guard let row = try connection.queryFirst("""
            SELECT first_name, last_name, phone, mobile FROM contacts
            WHERE org_id = \(orgID) AND id = \(user.contactID) FOR UPDATE
            """) else { throw StoreError.notFound }
        let old: [(String, String?)] = [("firstName", try row.decode("first_name")), ("lastName", try row.decode("last_name")),
                                        ("phone", try row.decode("phone")), ("mobile", try row.decode("mobile"))]
        let new: [String?] = [changes.firstName, changes.lastName, changes.phone, changes.mobile]
        let diff = zip(old, new).compactMap { old, new in
            old.1 == new ? nil : FieldChange(field: old.0, old: old.1, new: new)
        }
        if !diff.isEmpty {
            try connection.execute("""
                UPDATE contacts SET first_name = \(changes.firstName), last_name = \(changes.lastName),
                    phone = \(changes.phone), mobile = \(changes.mobile), updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(user.contactID)
                """)
            try audit(.update, "contact", user.contactID, diff)
        }
        try updatePortalUserPreferences(user.id, language: .some(changes.language), timeZone: .some(changes.timeZone))
        guard let contact = try store.contact(user.contactID, for: .system(orgID)) else { throw StoreError.notFound }
        return contact
    }
}
