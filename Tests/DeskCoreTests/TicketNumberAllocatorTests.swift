import DeskCore
import Foundation
import MariaDB
import Synchronization
import Testing

@Suite("Ticket number blocks")
struct TicketNumberAllocatorTests {
    /// Creates `perThread` tickets on each of `threads` threads (each its own connection), each thread using
    /// the allocator its index picks; the numbers per thread and the transaction retries seen.
    private func createConcurrently(db: StoreTestDatabase, actor: Actor, threads: Int, perThread: Int,
                                    allocators: [TicketNumberAllocator]) -> (numbers: [[Int64]], retries: Int) {
        let results = Mutex<[[Int64]]>([])
        let retries = Mutex(0)
        let failures = Mutex<[String]>([])
        let done = DispatchGroup()
        for index in 0..<threads {
            done.enter()
            let options = db.options
            let ids = db.ids
            let numbers = allocators[index % allocators.count]
            Thread {
                defer { done.leave() }
                do {
                    let connection = try Connection(options: options)
                    defer { connection.close() }
                    let store = Store(connection: connection, ids: ids, ticketNumbers: numbers)
                    var mine: [Int64] = []
                    for index in 0..<perThread {
                        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "n\(index)")) }
                        mine.append(ticket.ticketNumber)
                    }
                    results.withLock { $0.append(mine) }
                    retries.withLock { $0 += connection.statistics.transactionRetries }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        #expect(done.wait(timeout: .now() + 120) == .success)
        #expect(failures.withLock { $0 } == [])
        return (results.withLock { $0 }, retries.withLock { $0 })
    }

    private func nextNumber(_ db: StoreTestDatabase, org: Int64) throws -> Int64 {
        try #require(try db.connection.queryFirst(
            "SELECT next_number FROM ticket_number_blocks WHERE org_id = \(org)")?.decode("next_number", as: Int64.self))
    }

    @Test("Concurrent creates that find the block empty reserve one block between them, not one each")
    func oneReservationAtATime() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, _, actor) = try db.org()
        let allocator = TicketNumberAllocator(blockSize: 10)
        let threads = 8
        let perThread = 30
        let (numbers, retries) = createConcurrently(db: db, actor: actor, threads: threads, perThread: perThread,
                                                    allocators: [allocator])
        let flat = numbers.flatMap { $0 }
        #expect(flat.count == threads * perThread)
        #expect(Set(flat).count == flat.count)
        for mine in numbers { #expect(mine == mine.sorted()) }
        // Every reserved block is in the database and the last one is the one in use: no block was reserved
        // and thrown away by a second thread reserving at the same time.
        let next = try nextNumber(db, org: org.id)
        #expect(Int64(allocator.reservedBlocks) * 10 == next - 1)
        #expect(flat.max()! >= next - 10)
        if retries == 0 {
            // No create was rolled back, so no number was lost: exactly 1…N, in 24 blocks.
            #expect(flat.sorted() == Array(1...Int64(threads * perThread)))
            #expect(allocator.reservedBlocks == threads * perThread / 10)
        }
    }

    @Test("Two processes (two allocators) on one org never hand out a number twice")
    func twoProcesses() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, _, actor) = try db.org()
        let first = TicketNumberAllocator(blockSize: 7)
        let second = TicketNumberAllocator(blockSize: 7)
        let (numbers, _) = createConcurrently(db: db, actor: actor, threads: 6, perThread: 20,
                                              allocators: [first, second])
        let flat = numbers.flatMap { $0 }
        #expect(flat.count == 120)
        #expect(Set(flat).count == 120)
        for mine in numbers { #expect(mine == mine.sorted()) }
        // The database row accounts for every block either process reserved.
        let next = try nextNumber(db, org: org.id)
        #expect(Int64(first.reservedBlocks + second.reservedBlocks) * 7 == next - 1)
        #expect(try db.count("tickets", org: org.id) == 120)
    }

    @Test("The default block is 1,000 numbers")
    func defaultBlockSize() {
        #expect(TicketNumberAllocator().blockSize == 1_000)
    }
}
