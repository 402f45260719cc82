import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates an account; audits 'create' with every set field.
    public func createAccount(_ draft: AccountDraft) throws -> Account {
        try validateAccount(name: draft.accountName, email: draft.email, phone: draft.phone, website: draft.website,
                            description: draft.description)
        let cf = try newCustomFields(.accounts, draft.cf)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO accounts (org_id, id, account_name, email, phone, website, description, cf, created_at,
                                  updated_at, version)
            VALUES (\(orgID), \(id), \(draft.accountName), \(draft.email), \(draft.phone), \(draft.website),
                    \(draft.description), \(cf.text), \(now), \(now), 1)
            """)
        guard let row = try readRecord(.accounts, id, readColumns: Account.readColumns(org: orgID)) else {
            throw StoreError.notFound
        }
        try requireMandatory(row, given: cf.given)
        let account: Account = try record(row)
        let changes = AccountFields.values(of: account).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, RecordKind.account.recordType, id, changes)
        return account
    }

    /// Applies `changes` to a live account. Only fields whose value changes are written and audited
    /// ('update', old → new); when nothing changes, nothing is written and the version stays.
    ///
    /// - Throws: `StoreError.notFound`, `.versionMismatch(current:)` when `expectedVersion` is given and
    ///   differs, `.invalid(field:reason:)`.
    public func updateAccount(_ id: Int64, changes: AccountChanges, expectedVersion: Int64?) throws -> Account {
        guard let current = try lockedAccount(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let updated = Account(
            id: current.id, orgID: current.orgID, accountName: changes.accountName ?? current.accountName,
            email: changes.email ?? current.email, phone: changes.phone ?? current.phone,
            website: changes.website ?? current.website, description: changes.description ?? current.description,
            createdAt: current.createdAt, updatedAt: now, version: current.version + 1, deletedAt: nil, deletedBy: nil,
            cf: changes.cf.isEmpty ? current.cf
                : try resolveCustomFields(.accounts, input: changes.cf, current: current.cf.values, isCreate: false))
        try validateAccount(name: updated.accountName, email: updated.email, phone: updated.phone,
                            website: updated.website, description: updated.description)
        let diff = FieldDiff.changes(from: AccountFields.values(of: current), to: AccountFields.values(of: updated))
        if diff.isEmpty { return try readAccount(id) ?? current }
        try connection.execute("""
            UPDATE accounts SET account_name = \(updated.accountName), email = \(updated.email),
                phone = \(updated.phone), website = \(updated.website), description = \(updated.description),
                cf = \(CustomFieldText.encodeValues(updated.cf.values)), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, RecordKind.account.recordType, id, diff)
        guard let stored = try readAccount(id) else { throw StoreError.notFound }
        return stored
    }

    /// Moves live accounts to the recycle bin, auditing 'trash' for each. Throws `StoreError.notFound` —
    /// writing nothing — if any id is not a live account of the org. Their contacts keep the link, so a
    /// restore brings the account back whole.
    public func moveToTrash(accounts ids: [Int64]) throws {
        try trash(.account, ids)
    }

    /// Clears the account link of every contact (live or in the recycle bin) of a permanently deleted
    /// account, auditing an 'update' of `accountId` for each.
    func detachContacts(fromAccount account: Int64) throws {
        let ids = try connection.query("""
            SELECT id FROM contacts WHERE org_id = \(orgID) AND account_id = \(account) ORDER BY id FOR UPDATE
            """).map { row in try row.decode("id", as: Int64.self) }
        for id in ids {
            try connection.execute("""
                UPDATE contacts SET account_id = NULL, updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(id)
                """)
            try audit(.update, RecordKind.contact.recordType, id,
                      [FieldChange(field: "accountId", old: String(account), new: nil)])
        }
    }

    /// The live account with the custom field names; a plain read of a row this transaction holds locked.
    private func readAccount(_ id: Int64) throws -> Account? {
        try readRecord(.accounts, id, readColumns: Account.readColumns(org: orgID)).map { try record($0) }
    }

    /// The live account, locked for the rest of the transaction (its `cf` without field names).
    private func lockedAccount(_ id: Int64) throws -> Account? {
        try connection.queryFirst("""
            SELECT \(Account.columns) FROM accounts
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(Account.init(row:))
    }

    private func validateAccount(name: String, email: String?, phone: String?, website: String?,
                                 description: String?) throws {
        try Validation.text(name, field: "accountName", max: AccountFields.maxName)
        if let email { try Validation.email(email, field: "email") }
        if let phone { try Validation.length(phone, field: "phone", max: AccountFields.maxPhone) }
        if let website { try Validation.length(website, field: "website", max: AccountFields.maxWebsite) }
        if let description {
            try Validation.length(description, field: "description", max: AccountFields.maxDescription)
        }
    }
}
