import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: accounts, and contacts and accounts in the recycle bin")
struct StoreAccountTests {
    @Test("Create, update, no-op and a stale version write exactly the expected audit entries")
    func writes() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let account = try store.write(actor) { tx in
            try tx.createAccount(AccountDraft(accountName: "株式会社ゾーホー", website: "https://zoho.example"))
        }
        #expect(account.ownerID == agent.id)
        #expect(try store.account(account.id, for: .system(org.id))?.accountName == "株式会社ゾーホー")
        let created = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "account"), page: Page())
        #expect(created.map(\.action) == [.create])
        #expect(created.first?.changes == [
            FieldChange(field: "accountName", old: nil, new: "株式会社ゾーホー"),
            FieldChange(field: "website", old: nil, new: "https://zoho.example"),
            FieldChange(field: "ownerId", old: nil, new: String(agent.id)),
        ])
        let updated = try store.write(actor) { tx in
            try tx.updateAccount(account.id, changes: AccountChanges(website: .some(nil), description: .some("big")),
                                 expectedVersion: 1)
        }
        #expect(updated.version == 2 && updated.website == nil)
        _ = try store.write(actor) { try $0.updateAccount(account.id, changes: AccountChanges(description: .some("big")),
                                                          expectedVersion: 2) }
        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { try $0.updateAccount(account.id, changes: AccountChanges(accountName: "x"), expectedVersion: 1) }
        }
        #expect(throws: StoreError.invalid(field: "accountName", reason: "must not be empty")) {
            try store.write(actor) { try $0.updateAccount(account.id, changes: AccountChanges(accountName: ""), expectedVersion: nil) }
        }
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "account"), page: Page())
        #expect(entries.map(\.action) == [.update, .create])
        #expect(entries.first?.changes == [
            FieldChange(field: "website", old: "https://zoho.example", new: nil),
            FieldChange(field: "description", old: nil, new: "big"),
        ])
        #expect(try store.searchAccounts(for: .system(org.id), query: "株式", page: Page()).map(\.id) == [account.id])
        #expect(try store.accounts(for: .system(org.id), page: Page()).map(\.id) == [account.id])
    }

    @Test("The recycle bin lists, restores and deletes tickets, contacts and accounts, audited")
    func recycleBin() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let account = try store.write(actor) { try $0.createAccount(AccountDraft(accountName: "Zylker")) }
        let contact = try store.write(actor) { try $0.createContact(ContactDraft(firstName: "Ann", lastName: "Lee", accountID: account.id)) }
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Help")) }

        try store.write(actor) { try $0.moveToTrash(contacts: [contact.id]) }
        try store.write(actor) { try $0.moveToTrash(accounts: [account.id]) }
        try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) }
        #expect(try store.contact(contact.id, for: .system(org.id)) == nil)
        #expect(try store.account(account.id, for: .system(org.id)) == nil)
        #expect(try store.searchContacts(for: .system(org.id), query: "Lee", page: Page()).isEmpty)
        let bin = try store.recycleBin(for: .system(org.id), page: Page())
        #expect(Set(bin.map(\.id)) == [contact.id, account.id, ticket.id])
        let byID = Dictionary(uniqueKeysWithValues: bin.map { ($0.id, $0) })
        #expect(byID[contact.id]?.recordType == "contact" && byID[contact.id]?.displayName == "Ann Lee")
        #expect(byID[account.id]?.recordType == "account" && byID[account.id]?.displayName == "Zylker")
        #expect(byID[ticket.id]?.recordType == "ticket" && byID[contact.id]?.deletedBy == agent.id)
        #expect(try store.recycleBinCount(for: .system(org.id)) == 3)
        #expect(try store.recycleBin(for: .system(org.id), page: Page(from: 3, limit: 2)).count == 1)

        // one unknown id: nothing restored
        #expect(throws: StoreError.notFound) { try store.write(actor) { try $0.restore([contact.id, account.id, 42]) } }
        #expect(try store.recycleBinCount(for: .system(org.id)) == 3)

        try store.write(actor) { try $0.restore([contact.id, account.id]) }
        let restored = try #require(try store.contact(contact.id, for: .system(org.id)))
        #expect(restored.version == 3 && restored.accountID == account.id)
        #expect(try store.account(account.id, for: .system(org.id))?.version == 3)
        #expect(try store.recycleBin(for: .system(org.id), page: Page()).map(\.id) == [ticket.id])

        try store.write(actor) { try $0.moveToTrash(accounts: [account.id]) }
        try store.write(actor) { try $0.deletePermanently([account.id, ticket.id]) }
        #expect(try db.count("accounts", org: org.id) == 0 && db.count("tickets", org: org.id) == 0)
        #expect(try store.contact(contact.id, for: .system(org.id))?.accountID == nil)

        let accountActions = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: account.id), page: Page())
        #expect(accountActions.map(\.action) == [.delete, .trash, .restore, .trash, .create])
        #expect(accountActions.first?.changes == [])
        let contactActions = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: contact.id), page: Page())
        #expect(contactActions.map(\.action) == [.update, .restore, .trash, .create])
        #expect(contactActions.first?.changes == [FieldChange(field: "accountId", old: String(account.id), new: nil)])
        #expect(contactActions.allSatisfy { $0.recordType == "contact" })
    }
}
