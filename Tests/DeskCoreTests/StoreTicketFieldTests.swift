import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: ticket classification, category, department, contact and search")
struct StoreTicketFieldTests {
    private func department(_ db: StoreTestDatabase, org: Int64, enabled: Bool = true) throws -> Int64 {
        let id = Int64.random(in: 1_000_000...9_000_000_000)
        try db.connection.execute("""
            INSERT INTO departments (org_id, id, name, is_enabled, created_at, updated_at)
            VALUES (\(org), \(id), 'Support', \(enabled ? 1 : 0), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))
            """)
        return id
    }

    @Test("New fields are stored, audited and validated against live records of the org")
    func fields() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let support = try department(db, org: org.id)
        let disabled = try department(db, org: org.id, enabled: false)
        let contact = try store.write(actor) { try $0.createContact(ContactDraft(lastName: "Lee")) }
        let ticket = try store.write(actor) { tx in
            try tx.createTicket(TicketDraft(subject: "s", classification: .problem, category: "ハード",
                                            departmentID: support, contactID: contact.id))
        }
        #expect(ticket.classification == .problem && ticket.category == "ハード")
        #expect(ticket.departmentID == support && ticket.contactID == contact.id)
        #expect(try store.ticket(ticket.id, for: .system(org.id)) == ticket)
        let created = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "ticket"), page: Page()).first)
        #expect(created.changes.contains(FieldChange(field: "departmentId", old: nil, new: String(support))))
        #expect(created.changes.contains(FieldChange(field: "classification", old: nil, new: "Problem")))

        let (_, _, otherActor) = try db.org("other")
        let foreign = try store.write(otherActor) { try $0.createContact(ContactDraft(lastName: "Kim")) }
        let before = try db.count("audit_log", org: org.id)
        for (draft, field) in [(TicketDraft(subject: "x", departmentID: disabled), "departmentId"),
                               (TicketDraft(subject: "x", departmentID: 42), "departmentId"),
                               (TicketDraft(subject: "x", contactID: foreign.id), "contactId"),
                               (TicketDraft(subject: "x", category: String(repeating: "c", count: 101)), "category")] {
            #expect(throws: StoreError.invalid(field: field, reason: "")) {
                do { _ = try store.write(actor) { try $0.createTicket(draft) } }
                catch StoreError.invalid(let name, _) { throw StoreError.invalid(field: name, reason: "") }
            }
        }
        #expect(try db.count("audit_log", org: org.id) == before)

        let cleared = try store.write(actor) { tx in
            try tx.updateTicket(ticket.id, changes: TicketChanges(classification: .some(nil), contactID: .some(nil)),
                                expectedVersion: 1)
        }
        #expect(cleared.classification == nil && cleared.contactID == nil && cleared.version == 2)
        let update = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "ticket", action: .update), page: Page()).first)
        #expect(update.changes == [FieldChange(field: "classification", old: "Problem", new: nil),
                                   FieldChange(field: "contactId", old: String(contact.id), new: nil)])
        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter(departmentID: support)) == 1)
        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter(contactID: contact.id)) == 0)
    }

    @Test("Search: wildcards, literal % and _, _all, count, trashed tickets and other orgs never match")
    func search() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        var made: [Ticket] = []
        for subject in ["Printer on fire", "Printer jammed", "50% off", "a_b", "プリンター故障"] {
            made.append(try store.write(actor) { try $0.createTicket(TicketDraft(subject: subject)) })
        }
        func subjects(_ search: TicketSearch) throws -> [String] {
            try store.searchTickets(for: .system(org.id), search: search, sort: .createdTime, page: Page(limit: 100)).tickets.map(\.subject)
        }
        #expect(try subjects(TicketSearch(subject: "printer*")) == ["Printer on fire", "Printer jammed"])
        #expect(try subjects(TicketSearch(subject: "Printer")) == [])
        #expect(try subjects(TicketSearch(subject: "50%*")) == ["50% off"])
        #expect(try subjects(TicketSearch(subject: "a_b")) == ["a_b"])
        #expect(try subjects(TicketSearch(subject: "axb")) == [])
        #expect(try subjects(TicketSearch(all: "故障")) == ["プリンター故障"])
        #expect(try subjects(TicketSearch(ticketNumber: made[2].ticketNumber)) == ["50% off"])
        let page = try store.searchTickets(for: .system(org.id), search: TicketSearch(subject: "*"), sort: .createdTime, page: Page(limit: 2))
        #expect(page.count == 5 && page.tickets.count == 2)

        try store.write(actor) { try $0.moveToTrash(tickets: [made[0].id]) }
        #expect(try subjects(TicketSearch(subject: "printer*")) == ["Printer jammed"])
        let (other, _, _) = try db.org("other")
        #expect(try store.searchTickets(for: .system(other.id), search: TicketSearch(subject: "*"), sort: .createdTime, page: Page()).count == 0)
        #expect(throws: StoreError.self) { try subjects(TicketSearch(subject: " ")) }
    }
}
