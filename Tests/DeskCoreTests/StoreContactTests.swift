import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: contacts, their audit, search and isolation")
struct StoreContactTests {
    @Test("Create, update, no-op and a stale version write exactly the expected audit entries")
    func writes() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let account = try store.write(actor) { try $0.createAccount(AccountDraft(accountName: "Zylker")) }
        let contact = try store.write(actor) { tx in
            try tx.createContact(ContactDraft(firstName: "Ann", lastName: "Lee", email: "ann@zylker.example",
                                              accountID: account.id))
        }
        #expect(contact.version == 1 && contact.accountID == account.id)
        #expect(try store.contact(contact.id, for: .system(org.id)) == contact)
        let created = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "contact"), page: Page())
        #expect(created.count == 1)
        let entry = try #require(created.first)
        #expect(entry.action == .create && entry.recordID == contact.id && entry.actorID == agent.id)
        #expect(entry.requestID == "req-acme")
        #expect(entry.changes == [
            FieldChange(field: "firstName", old: nil, new: "Ann"),
            FieldChange(field: "lastName", old: nil, new: "Lee"),
            FieldChange(field: "email", old: nil, new: "ann@zylker.example"),
            FieldChange(field: "accountId", old: nil, new: String(account.id)),
            FieldChange(field: "ownerId", old: nil, new: String(agent.id)),
        ])
        #expect(contact.ownerID == agent.id)

        let updated = try store.write(actor) { tx in
            try tx.updateContact(contact.id, changes: ContactChanges(lastName: "Leigh", email: .some(nil),
                                                                     phone: .some("+81 3 1234 5678")),
                                 expectedVersion: 1)
        }
        #expect(updated.version == 2 && updated.email == nil && updated.lastName == "Leigh")
        let updates = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "contact", action: .update),
                                             page: Page())
        #expect(updates.map(\.changes) == [[
            FieldChange(field: "lastName", old: "Lee", new: "Leigh"),
            FieldChange(field: "email", old: "ann@zylker.example", new: nil),
            FieldChange(field: "phone", old: nil, new: "+81 3 1234 5678"),
        ]])

        let same = try store.write(actor) { tx in
            try tx.updateContact(contact.id, changes: ContactChanges(firstName: "Ann", lastName: "Leigh"),
                                 expectedVersion: nil)
        }
        #expect(same.version == 2)
        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { tx in
                try tx.updateContact(contact.id, changes: ContactChanges(lastName: "Stale"), expectedVersion: 1)
            }
        }
        #expect(try store.contact(contact.id, for: .system(org.id))?.lastName == "Leigh")
        #expect(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "contact"), page: Page()).count == 2)
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { try $0.updateContact(999, changes: ContactChanges(lastName: "x"), expectedVersion: nil) }
        }
    }

    @Test("Validation names the API field and writes nothing; the account must be a live one of the org")
    func validation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (_, _, otherActor) = try db.org("other")
        let foreign = try store.write(otherActor) { try $0.createAccount(AccountDraft(accountName: "Theirs")) }
        let trashed = try store.write(actor) { try $0.createAccount(AccountDraft(accountName: "Old")) }
        try store.write(actor) { try $0.moveToTrash(accounts: [trashed.id]) }
        #expect(throws: StoreError.invalid(field: "lastName", reason: "must not be empty")) {
            try store.write(actor) { try $0.createContact(ContactDraft(lastName: " ")) }
        }
        #expect(throws: StoreError.self) {
            try store.write(actor) { try $0.createContact(ContactDraft(lastName: String(repeating: "x", count: 101))) }
        }
        #expect(throws: StoreError.invalid(field: "email", reason: "is not a valid email address")) {
            try store.write(actor) { try $0.createContact(ContactDraft(lastName: "a", email: "not an email")) }
        }
        for account in [foreign.id, trashed.id, 12345] {
            #expect {
                try store.write(actor) { try $0.createContact(ContactDraft(lastName: "a", accountID: account)) }
            } throws: {
                if case .invalid(field: "accountId", _) = $0 as? StoreError { return true }
                return false
            }
        }
        #expect(try db.count("contacts", org: org.id) == 0)
    }

    @Test("Search is a prefix match on names and email; % and _ match literally")
    func search() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let names = ["100% Real", "100 Percent", "a_b", "axb", "Smith", "smithers"]
        for name in names {
            _ = try store.write(actor) { try $0.createContact(ContactDraft(lastName: name)) }
        }
        _ = try store.write(actor) { try $0.createContact(ContactDraft(firstName: "Jo", lastName: "Zed", email: "jo@x.example")) }
        func found(_ query: String) throws -> [String] {
            try store.searchContacts(for: .system(org.id), query: query, page: Page(limit: 100)).map(\.lastName)
        }
        #expect(try found("100%") == ["100% Real"])
        #expect(try found("a_") == ["a_b"])
        #expect(try found("smi") == ["Smith", "smithers"])
        #expect(try found("mith").isEmpty)
        #expect(try found("jo@") == ["Zed"])
        #expect(try found("Jo") == ["Zed"])
        #expect(try found("!").isEmpty)
        #expect(throws: StoreError.invalid(field: "searchStr", reason: "must not be empty")) { try found(" ") }
    }

    @Test("Japanese names round-trip; lists sort and page")
    func unicodeAndLists() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let contact = try store.write(actor) { try $0.createContact(ContactDraft(firstName: "太郎", lastName: "山田 🍣")) }
        _ = try store.write(actor) { try $0.createContact(ContactDraft(lastName: "Brown")) }
        let fetched = try #require(try store.contact(contact.id, for: .system(org.id)))
        #expect(fetched.firstName == "太郎" && fetched.lastName == "山田 🍣")
        #expect(try store.searchContacts(for: .system(org.id), query: "山田", page: Page()).map(\.id) == [contact.id])
        #expect(try store.contacts(for: .system(org.id), page: Page()).count == 2)
        #expect(try store.contacts(for: .system(org.id), page: Page(from: 2, limit: 1)).count == 1)
        let byName = try store.contacts(for: .system(org.id), page: Page(), sort: ContactSort(.lastName, descending: true))
        #expect(byName.first?.id == contact.id)
        #expect(try store.contactCount(for: .system(org.id)) == 2)
    }

    @Test("Org B never sees, finds or changes org A's contacts")
    func isolation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (orgA, _, actorA) = try db.org("alpha")
        let (orgB, _, actorB) = try db.org("beta")
        let contact = try store.write(actorA) { try $0.createContact(ContactDraft(lastName: "Secret")) }
        #expect(try store.contact(contact.id, for: .system(orgB.id)) == nil)
        #expect(try store.contacts(for: .system(orgB.id), page: Page()).isEmpty)
        #expect(try store.searchContacts(for: .system(orgB.id), query: "Sec", page: Page()).isEmpty)
        #expect(throws: StoreError.notFound) {
            try store.write(actorB) { try $0.updateContact(contact.id, changes: ContactChanges(lastName: "x"), expectedVersion: nil) }
        }
        #expect(throws: StoreError.notFound) { try store.write(actorB) { try $0.moveToTrash(contacts: [contact.id]) } }
        try store.write(actorA) { try $0.moveToTrash(contacts: [contact.id]) }
        #expect(try store.recycleBin(for: .system(orgB.id), page: Page()).isEmpty)
        #expect(throws: StoreError.notFound) { try store.write(actorB) { try $0.restore([contact.id]) } }
        #expect(throws: StoreError.notFound) { try store.write(actorB) { try $0.deletePermanently([contact.id]) } }
        #expect(try store.auditEntries(in: orgB.id, filter: AuditFilter(recordType: "contact"), page: Page()).isEmpty)
        #expect(try store.recycleBin(for: .system(orgA.id), page: Page()).map(\.id) == [contact.id])
    }
}
