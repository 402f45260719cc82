import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: the generic record storage behind contacts and accounts")
struct StoreRecordTests {
    @Test("Generic create, read, list, count, search, update and trash keep to the org and hide trashed rows")
    func lifecycle() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (other, _, otherActor) = try db.org("other")
        let first = try store.write(actor) { try $0.create(Account.self, AccountDraft(accountName: "Beta")) }
        let second = try store.write(actor) { tx in
            try tx.create(Account.self, AccountDraft(accountName: "Alpha", email: "a@x.example"))
        }
        _ = try store.write(otherActor) { try $0.create(Account.self, AccountDraft(accountName: "Alpha")) }
        #expect(first.version == 1 && first.orgID == org.id)
        #expect(try store.record(Account.self, first.id, for: .system(org.id)) == first)
        #expect(try store.record(Account.self, first.id, for: .system(other.id)) == nil)
        #expect(try store.records(Account.self, for: .system(org.id), page: Page()).map(\.id) == [first.id, second.id])
        #expect(try store.records(Account.self, for: .system(org.id), page: Page(), sort: AccountSort(.accountName))
            .map(\.id) == [second.id, first.id])
        #expect(try store.recordCount(Account.self, for: .system(org.id)) == 2)
        #expect(try store.searchRecords(Account.self, for: .system(org.id), query: "alp", page: Page()).map(\.id) == [second.id])

        let renamed = try store.write(actor) { tx in
            try tx.update(Account.self, first.id, changes: AccountChanges(accountName: "Gamma"), expectedVersion: 1)
        }
        #expect(renamed.accountName == "Gamma" && renamed.version == 2)
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "account"), page: Page())
        #expect(entries.first?.changes == [FieldChange(field: "accountName", old: "Beta", new: "Gamma")])

        try store.write(actor) { try $0.moveToTrash(Account.self, [first.id]) }
        #expect(try store.record(Account.self, first.id, for: .system(org.id)) == nil)
        #expect(try store.recordCount(Account.self, for: .system(org.id)) == 1)
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { tx in
                try tx.update(Account.self, first.id, changes: AccountChanges(), expectedVersion: nil)
            }
        }
    }

    @Test("A failed generic create writes neither the row nor an audit entry")
    func failedCreateWritesNothing() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        #expect(throws: StoreError.invalid(field: "lastName", reason: "must not be empty")) {
            try store.write(actor) { try $0.create(Contact.self, ContactDraft(lastName: "")) }
        }
        #expect(try store.recordCount(Contact.self, for: .system(org.id)) == 0)
        #expect(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "contact"), page: Page()).isEmpty)
    }
}
