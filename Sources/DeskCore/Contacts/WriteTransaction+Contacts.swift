import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates a contact; audits 'create' with every set field.
    ///
    /// - Throws: `StoreError.invalid(field:reason:)`, e.g. for `accountId` when it is not a live account
    ///   of this org.
    public func createContact(_ draft: ContactDraft) throws -> Contact {
        try validateContact(firstName: draft.firstName, lastName: draft.lastName, email: draft.email,
                            phone: draft.phone, mobile: draft.mobile, description: draft.description)
        if let account = draft.accountID { try validate(account: account) }
        let cf = try newCustomFields(.contacts, draft.cf)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO contacts (org_id, id, first_name, last_name, email, phone, mobile, account_id, description,
                                  cf, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(draft.firstName), \(draft.lastName), \(draft.email), \(draft.phone),
                    \(draft.mobile), \(draft.accountID), \(draft.description), \(cf.text), \(now), \(now), 1)
            """)
        guard let row = try readRecord(.contacts, id, readColumns: Contact.readColumns(org: orgID)) else {
            throw StoreError.notFound
        }
        try requireMandatory(row, given: cf.given)
        let contact: Contact = try record(row)
        let changes = ContactFields.values(of: contact).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, RecordKind.contact.recordType, id, changes)
        return contact
    }

    /// Applies `changes` to a live contact. Only fields whose value changes are written and audited
    /// ('update', old → new); when nothing changes, nothing is written and the version stays.
    ///
    /// - Throws: `StoreError.notFound`, `.versionMismatch(current:)` when `expectedVersion` is given and
    ///   differs, `.invalid(field:reason:)`.
    public func updateContact(_ id: Int64, changes: ContactChanges, expectedVersion: Int64?) throws -> Contact {
        guard let current = try lockedContact(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let updated = Contact(
            id: current.id, orgID: current.orgID, firstName: changes.firstName ?? current.firstName,
            lastName: changes.lastName ?? current.lastName, email: changes.email ?? current.email,
            phone: changes.phone ?? current.phone, mobile: changes.mobile ?? current.mobile,
            accountID: changes.accountID ?? current.accountID, description: changes.description ?? current.description,
            createdAt: current.createdAt, updatedAt: now, version: current.version + 1, deletedAt: nil, deletedBy: nil,
            cf: changes.cf.isEmpty ? current.cf
                : try resolveCustomFields(.contacts, input: changes.cf, current: current.cf.values, isCreate: false))
        try validateContact(firstName: updated.firstName, lastName: updated.lastName, email: updated.email,
                            phone: updated.phone, mobile: updated.mobile, description: updated.description)
        if let account = updated.accountID, account != current.accountID { try validate(account: account) }
        let diff = FieldDiff.changes(from: ContactFields.values(of: current), to: ContactFields.values(of: updated))
        if diff.isEmpty { return try readContact(id) ?? current }
        try connection.execute("""
            UPDATE contacts SET first_name = \(updated.firstName), last_name = \(updated.lastName),
                email = \(updated.email), phone = \(updated.phone), mobile = \(updated.mobile),
                account_id = \(updated.accountID), description = \(updated.description),
                cf = \(CustomFieldText.encodeValues(updated.cf.values)), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, RecordKind.contact.recordType, id, diff)
        guard let stored = try readContact(id) else { throw StoreError.notFound }
        return stored
    }

    /// Moves live contacts to the recycle bin, auditing 'trash' for each. Throws `StoreError.notFound` —
    /// writing nothing — if any id is not a live contact of the org.
    public func moveToTrash(contacts ids: [Int64]) throws {
        try trash(.contact, ids)
    }

    /// The live contact with the custom field names; a plain read of a row this transaction holds locked.
    private func readContact(_ id: Int64) throws -> Contact? {
        try readRecord(.contacts, id, readColumns: Contact.readColumns(org: orgID)).map { try record($0) }
    }

    /// The live contact, locked for the rest of the transaction (its `cf` without field names).
    private func lockedContact(_ id: Int64) throws -> Contact? {
        try connection.queryFirst("""
            SELECT \(Contact.columns) FROM contacts
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(Contact.init(row:))
    }

    private func validateContact(firstName: String?, lastName: String, email: String?, phone: String?,
                                 mobile: String?, description: String?) throws {
        if let firstName { try Validation.length(firstName, field: "firstName", max: ContactFields.maxName) }
        try Validation.text(lastName, field: "lastName", max: ContactFields.maxName)
        if let email { try Validation.email(email, field: "email") }
        if let phone { try Validation.length(phone, field: "phone", max: ContactFields.maxPhone) }
        if let mobile { try Validation.length(mobile, field: "mobile", max: ContactFields.maxPhone) }
        if let description {
            try Validation.length(description, field: "description", max: ContactFields.maxDescription)
        }
    }

    /// The account must be a live account of this org; it stays locked (shared) until the write ends, so
    /// it cannot be trashed meanwhile.
    private func validate(account: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM accounts WHERE org_id = \(orgID) AND id = \(account) AND deleted_at IS NULL
                LOCK IN SHARE MODE
            """)
        guard row != nil else { throw StoreError.invalid(field: "accountId", reason: "is not an account of this org") }
    }
}
