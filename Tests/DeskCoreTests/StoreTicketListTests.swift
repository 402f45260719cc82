import DeskCore
import Foundation
import MariaDB
import Synchronization
import Testing

@Suite("Store: ticket lists and numbers")
struct StoreTicketListTests {
    @Test("Filter, sort and paging")
    func listing() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        var created: [Ticket] = []
        for index in 0..<7 {
            let draft = TicketDraft(subject: "T\(index)", status: index % 2 == 0 ? .open : .closed,
                                    priority: index < 3 ? .high : .low, channel: index == 6 ? .email : .web,
                                    assigneeID: index == 5 ? agent.id : nil,
                                    dueDate: Date(timeIntervalSince1970: 1_800_000_000 - Double(index) * 3600))
            created.append(try store.write(actor) { try $0.createTicket(draft) })
        }
        let numbers = created.map(\.ticketNumber)
        #expect(numbers == numbers.sorted() && Set(numbers).count == 7)

        let all = TicketFilter()
        #expect(try store.ticketCount(for: .system(org.id), filter: all) == 7)
        let byNumberDesc = try store.tickets(for: .system(org.id), filter: all, sort: TicketSort(.ticketNumber, descending: true),
                                             page: Page(from: 1, limit: 100))
        #expect(byNumberDesc.map(\.id) == created.reversed().map(\.id))
        let page2 = try store.tickets(for: .system(org.id), filter: all, sort: TicketSort(.ticketNumber), page: Page(from: 3, limit: 2))
        #expect(page2.map(\.subject) == ["T2", "T3"])
        let byDue = try store.tickets(for: .system(org.id), filter: all, sort: TicketSort(sortBy: "dueDate")!, page: Page(limit: 3))
        #expect(byDue.map(\.subject) == ["T6", "T5", "T4"])

        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter(status: .closed)) == 3)
        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter(status: .open, priority: .high)) == 2)
        #expect(try store.tickets(for: .system(org.id), filter: TicketFilter(channel: .email), sort: .createdTime, page: Page())
            .map(\.subject) == ["T6"])
        #expect(try store.tickets(for: .system(org.id), filter: TicketFilter(assigneeID: agent.id), sort: .createdTime, page: Page())
            .map(\.subject) == ["T5"])
        let cut = created[3].createdAt
        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter(createdFrom: cut)) == 4)
        #expect(try store.ticketCount(for: .system(org.id), filter: TicketFilter(createdTo: cut)) == 4)

        _ = try store.write(actor) { try $0.updateTicket(created[0].id, changes: TicketChanges(subject: "T0!"), expectedVersion: 1) }
        let modified = try store.tickets(for: .system(org.id), filter: all, sort: TicketSort(.modifiedTime, descending: true), page: Page(limit: 1))
        #expect(modified.map(\.subject) == ["T0!"])
        #expect(throws: StoreError.self) { try store.tickets(for: .system(org.id), filter: all, sort: .createdTime, page: Page(limit: 101)) }
        #expect(throws: StoreError.self) { try store.tickets(for: .system(org.id), filter: all, sort: .createdTime, page: Page(from: 0)) }
    }

    @Test("Ticket numbers stay unique and increasing per thread under concurrent creates")
    func concurrentNumbers() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, _, actor) = try db.org()
        let threads = 6
        let perThread = 25
        let results = Mutex<[[Int64]]>([])
        let failures = Mutex<[String]>([])
        var workers: [Thread] = []
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            let options = db.options
            let ids = db.ids
            let numbers = db.numbers
            let thread = Thread {
                defer { done.leave() }
                do {
                    let connection = try Connection(options: options)
                    defer { connection.close() }
                    let store = Store(connection: connection, ids: ids, ticketNumbers: numbers)
                    var mine: [Int64] = []
                    for index in 0..<perThread {
                        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "c\(index)")) }
                        mine.append(ticket.ticketNumber)
                    }
                    results.withLock { $0.append(mine) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            workers.append(thread)
            thread.start()
        }
        #expect(done.wait(timeout: .now() + 120) == .success)
        #expect(failures.withLock { $0 } == [])
        let all = results.withLock { $0 }
        #expect(all.count == threads)
        for mine in all { #expect(mine == mine.sorted()) }
        let flat = all.flatMap { $0 }
        #expect(Set(flat).count == threads * perThread)
        #expect(try db.count("tickets", org: org.id) == threads * perThread)

        // A second process (its own allocator) continues above every number given out.
        let other = Store(connection: db.connection, ids: db.ids, ticketNumbers: TicketNumberAllocator(blockSize: 10))
        let later = try other.write(actor) { try $0.createTicket(TicketDraft(subject: "later")) }
        #expect(later.ticketNumber > flat.max()!)
    }
}
