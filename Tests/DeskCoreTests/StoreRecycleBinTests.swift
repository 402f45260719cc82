import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: recycle bin and org isolation")
struct StoreRecycleBinTests {
    @Test("Trash hides, restore shows again, permanent delete removes the row")
    func lifecycle() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Gone soon")) }

        try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) }
        #expect(try store.ticket(ticket.id, for: .system(org.id)) == nil)
        #expect(try store.tickets(for: .system(org.id), filter: TicketFilter(), sort: .createdTime, page: Page()).isEmpty)
        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter()) == 0)
        let bin = try store.recycleBin(for: .system(org.id), page: Page())
        #expect(bin.map(\.id) == [ticket.id])
        #expect(bin.first?.displayName == "Gone soon" && bin.first?.deletedBy == agent.id)
        #expect(throws: StoreError.notFound) { try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) } }

        try store.write(actor) { try $0.restore([ticket.id]) }
        let restored = try #require(try store.ticket(ticket.id, for: .system(org.id)))
        #expect(restored.version == 3 && restored.deletedAt == nil)
        #expect(try store.recycleBin(for: .system(org.id), page: Page()).isEmpty)
        #expect(throws: StoreError.notFound) { try store.write(actor) { try $0.deletePermanently([ticket.id]) } }

        try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) }
        try store.write(actor) { try $0.deletePermanently([ticket.id]) }
        #expect(try db.count("tickets", org: org.id) == 0)
        #expect(try store.recycleBin(for: .system(org.id), page: Page()).isEmpty)

        let actions = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: ticket.id), page: Page())
            .map(\.action)
        #expect(actions == [.delete, .trash, .restore, .trash, .create])
        let delete = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(action: .delete), page: Page()).first)
        #expect(!delete.changes.contains { $0.old == "Gone soon" || $0.new == "Gone soon" })
    }

    @Test("Trashing a list with one unknown id writes nothing")
    func trashAllOrNothing() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Stays")) }
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id, 42]) }
        }
        #expect(try store.ticket(ticket.id, for: .system(org.id))?.version == 1)
    }

    @Test("Org B never sees or changes org A's tickets")
    func isolation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (orgA, _, actorA) = try db.org("alpha")
        let (orgB, _, actorB) = try db.org("beta")
        let ticket = try store.write(actorA) { try $0.createTicket(TicketDraft(subject: "A's secret")) }
        #expect(try store.ticket(ticket.id, for: .system(orgB.id)) == nil)
        #expect(try store.tickets(for: .system(orgB.id), filter: TicketFilter(), sort: .createdTime, page: Page()).isEmpty)
        #expect(try store.ticketCount(for: .system(orgB.id), filter: TicketFilter()) == 0)
        #expect(throws: StoreError.notFound) {
            try store.write(actorB) { try $0.updateTicket(ticket.id, changes: TicketChanges(subject: "x"), expectedVersion: nil) }
        }
        #expect(throws: StoreError.notFound) { try store.write(actorB) { try $0.moveToTrash(tickets: [ticket.id]) } }
        #expect(try store.auditEntries(in: orgB.id, filter: AuditFilter(recordType: "ticket"), page: Page()).isEmpty)
        #expect(try store.ticket(ticket.id, for: .system(orgA.id))?.subject == "A's secret")
    }
}
