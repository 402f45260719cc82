import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: ticket writes and their audit")
struct StoreTicketWriteTests {
    struct Boom: Error {}

    @Test("Create writes the row and exactly one audit 'create' entry")
    func create() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { tx in
            try tx.createTicket(TicketDraft(subject: "Printer on fire", priority: .high, email: "c@x.example",
                                            assigneeID: agent.id))
        }
        #expect(ticket.version == 1 && ticket.status == .open && ticket.channel == .web)
        #expect(try store.ticket(ticket.id, for: .system(org.id)) == ticket)
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "ticket"), page: Page())
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.action == .create && entry.recordID == ticket.id && entry.actorID == agent.id)
        #expect(entry.requestID == "req-acme")
        #expect(entry.changes.contains(FieldChange(field: "subject", old: nil, new: "Printer on fire")))
        #expect(entry.changes.contains(FieldChange(field: "assigneeId", old: nil, new: String(agent.id))))
        #expect(!entry.changes.contains { $0.field == "description" })
    }

    @Test("The ticket a create returns equals the ticket read back, with every field and custom fields")
    func createReturnsStoredTicket() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let (department, contact) = try store.write(actor) { tx in
            _ = try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Tier", type: .text))
            _ = try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Code", type: .text))
            return (try tx.createDepartment(DepartmentDraft(name: "Sales")),
                    try tx.createContact(ContactDraft(firstName: "Ann", lastName: "Lee")))
        }
        // A due date between two microseconds: stored rounded, returned as stored.
        let due = Date(timeIntervalSince1970: 1_767_225_600.123_456_7)
        let full = try store.write(actor) { tx in
            try tx.createTicket(TicketDraft(subject: "請求書について 🧾", description: "本文", status: .onHold,
                                            priority: .urgent, channel: .email, email: "c@x.example",
                                            assigneeID: agent.id, dueDate: due, classification: .problem,
                                            category: "Billing", departmentID: department.id,
                                            contactID: contact.id, cf: ["cf_tier": .string("gold")]))
        }
        #expect(try store.ticket(full.id, for: .system(org.id)) == full)
        #expect(full.cf.names == ["cf_code", "cf_tier"] && full.cf.values == ["cf_tier": "gold"])
        let plain = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "No custom values")) }
        #expect(try store.ticket(plain.id, for: .system(org.id)) == plain)
        #expect(plain.cf.names == ["cf_code", "cf_tier"] && plain.cf.values.isEmpty)
    }

    @Test("A mandatory ticket field refuses a create without cf, naming the field; nothing is written")
    func createWithoutMandatoryField() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        _ = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Before the rule")) }
        _ = try store.write(actor) {
            try $0.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Order", type: .text,
                                                      isMandatory: true))
        }
        #expect(throws: StoreError.invalid(field: "cf/cf_order", reason: "is mandatory")) {
            try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Without the order")) }
        }
        #expect(try db.count("tickets", org: org.id) == 1)
        let given = try store.write(actor) {
            try $0.createTicket(TicketDraft(subject: "With it", cf: ["cf_order": .string("A-1")]))
        }
        #expect(try store.ticket(given.id, for: .system(org.id)) == given)
        #expect(try db.count("tickets", org: org.id) == 2)
    }

    @Test("The mandatory check follows definition changes at once: the first field by api name, then none")
    func mandatoryFieldChanges() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let create = { try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Plain")) } }
        _ = try create()  // fills this thread's cache: no custom fields yet
        let zone = try store.write(actor) {
            try $0.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Zone", type: .text,
                                                      isMandatory: true))
        }
        let area = try store.write(actor) {
            try $0.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Area", type: .text,
                                                      isMandatory: true))
        }
        #expect(throws: StoreError.invalid(field: "cf/cf_area", reason: "is mandatory")) { try create() }
        _ = try store.write(actor) {
            try $0.updateCustomField(area.id, changes: CustomFieldChanges(isMandatory: false), expectedVersion: nil)
        }
        #expect(throws: StoreError.invalid(field: "cf/cf_zone", reason: "is mandatory")) { try create() }
        try store.write(actor) { try $0.deleteCustomField(zone.id, expectedVersion: nil) }
        let created = try create()
        #expect(created.cf.names == ["cf_area"])
        #expect(try store.ticket(created.id, for: .system(org.id)) == created)
        #expect(try db.count("tickets", org: org.id) == 2)
    }

    @Test("Validation errors name the API field and write nothing")
    func validation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        #expect(throws: StoreError.invalid(field: "subject", reason: "must not be empty")) {
            try store.write(actor) { try $0.createTicket(TicketDraft(subject: " ")) }
        }
        #expect(throws: StoreError.self) {
            try store.write(actor) { try $0.createTicket(TicketDraft(subject: String(repeating: "x", count: 256))) }
        }
        #expect {
            try store.write(actor) { try $0.createTicket(TicketDraft(subject: "a", email: "not an email")) }
        } throws: { ($0 as? StoreError) == .invalid(field: "email", reason: "is not a valid email address") }
        #expect {
            try store.write(actor) { try $0.createTicket(TicketDraft(subject: "a", assigneeID: 12345)) }
        } throws: {
            if case .invalid(field: "assigneeId", _) = $0 as? StoreError { return true }
            return false
        }
        #expect(try db.count("tickets", org: org.id) == 0)
    }

    @Test("Update writes only changed fields; a no-op writes nothing; a stale version writes nothing")
    func update() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Old", description: "d")) }

        let updated = try store.write(actor) { tx in
            try tx.updateTicket(ticket.id, changes: TicketChanges(subject: "New", description: .some(nil),
                                                                  status: .open, assigneeID: .some(agent.id)),
                                expectedVersion: 1)
        }
        #expect(updated.subject == "New" && updated.description == nil && updated.version == 2)
        #expect(updated.assigneeID == agent.id)
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(action: .update), page: Page())
        #expect(entries.count == 1)
        #expect(entries.first?.changes == [
            FieldChange(field: "subject", old: "Old", new: "New"),
            FieldChange(field: "description", old: "d", new: nil),
            FieldChange(field: "assigneeId", old: nil, new: String(agent.id)),
        ])

        let same = try store.write(actor) { tx in
            try tx.updateTicket(ticket.id, changes: TicketChanges(subject: "New", status: .open), expectedVersion: nil)
        }
        #expect(same.version == 2)
        #expect(try store.ticket(ticket.id, for: .system(org.id))?.version == 2)
        #expect(try store.auditEntries(in: org.id, filter: AuditFilter(action: .update), page: Page()).count == 1)

        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { tx in
                try tx.updateTicket(ticket.id, changes: TicketChanges(subject: "Stale"), expectedVersion: 1)
            }
        }
        #expect(try store.ticket(ticket.id, for: .system(org.id))?.subject == "New")
        #expect(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "ticket"), page: Page(limit: 100)).count == 2)
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { try $0.updateTicket(999, changes: TicketChanges(subject: "x"), expectedVersion: nil) }
        }
    }

    @Test("A body that throws leaves no rows and no audit entries")
    func rollback() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let auditBefore = try db.count("audit_log", org: org.id)
        #expect(throws: Boom.self) {
            try store.write(actor) { tx in
                _ = try tx.createTicket(TicketDraft(subject: "one"))
                _ = try tx.createTicket(TicketDraft(subject: "two"))
                throw Boom()
            }
        }
        #expect(try db.count("tickets", org: org.id) == 0)
        #expect(try db.count("audit_log", org: org.id) == auditBefore)
    }

    @Test("Japanese and emoji text round-trips byte for byte")
    func unicode() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let subject = "プリンターが燃えています 🔥👩🏽‍💻"
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: subject, description: "説明 ✅")) }
        let read = try #require(try store.ticket(ticket.id, for: .system(org.id)))
        #expect(Array(read.subject.utf8) == Array(subject.utf8))
        #expect(read.description == "説明 ✅")
    }
}
