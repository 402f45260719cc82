import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates an account; audits 'create' with every set field.
    public func createAccount(_ draft: AccountDraft) throws -> Account {
        try create(Account.self, draft)
    }

    /// Applies `changes` to a live account, as ``update(_:_:changes:expectedVersion:)`` does.
    public func updateAccount(_ id: Int64, changes: AccountChanges, expectedVersion: Int64?) throws -> Account {
        try update(Account.self, id, changes: changes, expectedVersion: expectedVersion)
    }

    /// Moves live accounts to the recycle bin, auditing 'trash' for each. Throws `StoreError.notFound` —
    /// writing nothing — if any id is not a live account of the org. Their contacts keep the link, so a
    /// restore brings the account back whole.
    public func moveToTrash(accounts ids: [Int64]) throws {
        try moveToTrash(Account.self, ids)
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
}
