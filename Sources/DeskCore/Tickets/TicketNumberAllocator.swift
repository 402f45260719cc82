import Foundation
import MariaDB

/// Hands out per-org ticket numbers from blocks reserved in the database.
///
/// A block of ``blockSize`` numbers is reserved in a short transaction of its own on
/// `ticket_number_blocks` (the row is the truth across processes: each reservation locks it and moves
/// `next_number` past the block), then numbers are taken from memory, so concurrent ticket creates never
/// wait on the counter row. One reservation per org runs at a time in a process: a create that finds the
/// block empty while another thread is already reserving the next one waits for that reservation instead
/// of reserving (and wasting) a block of its own. Numbers are unique per org and increase within a
/// process; numbers of rolled-back creates and unused numbers of a block are lost (gaps are allowed).
public final class TicketNumberAllocator: @unchecked Sendable {
    /// The allocator shared by the stores of this process.
    public static let shared = TicketNumberAllocator()

    /// Numbers reserved per database round trip.
    public let blockSize: Int64

    /// Thrown inside a write when the org has no reserved numbers left; `Store.write` reserves a block and
    /// runs the body again.
    struct NeedsBlock: Error {
        let orgID: Int64
    }

    private struct Key: Hashable {
        let database: String
        let orgID: Int64
    }

    private struct Block {
        var next: Int64
        let end: Int64
        var isEmpty: Bool { next >= end }
    }

    /// Guards `blocks` and `refilling`; waiters for a reservation in flight wait on it.
    private let condition = NSCondition()
    private var blocks: [Key: Block] = [:]
    /// Orgs whose next block is being reserved right now.
    private var refilling: Set<Key> = []
    private var reservations = 0

    public init(blockSize: Int64 = 1_000) {
        precondition(blockSize >= 1, "blockSize must be positive")
        self.blockSize = blockSize
    }

    /// How many blocks this allocator has reserved in the database so far (for tests and diagnostics).
    public var reservedBlocks: Int {
        condition.lock()
        defer { condition.unlock() }
        return reservations
    }

    /// The next number for `org`, or `NeedsBlock` when this process holds none.
    func take(org: Int64, connection: Connection) throws -> Int64 {
        let key = Self.key(org: org, connection: connection)
        condition.lock()
        defer { condition.unlock() }
        guard var block = blocks[key], !block.isEmpty else { throw NeedsBlock(orgID: org) }
        let number = block.next
        block.next += 1
        blocks[key] = block
        return number
    }

    /// Makes sure this process holds numbers for `org` (call outside any transaction): returns at once when
    /// another thread has reserved a block since ``take(org:connection:)`` failed, waits when another
    /// thread is reserving one right now, and otherwise reserves a new block in a transaction of its own.
    ///
    /// Returning does not promise a number (others may take the block first, or the reservation being
    /// waited for may fail): the caller takes again and calls this again when it must.
    func refill(org: Int64, connection: Connection) throws {
        let key = Self.key(org: org, connection: connection)
        condition.lock()
        if let block = blocks[key], !block.isEmpty {
            condition.unlock()
            return
        }
        if refilling.contains(key) {
            while refilling.contains(key) { condition.wait() }
            condition.unlock()
            return
        }
        refilling.insert(key)
        condition.unlock()

        var reserved: Block?
        defer {
            condition.lock()
            if let reserved {
                reservations += 1
                // The database hands out increasing blocks and only this thread reserves for `key` now,
                // so the new block starts above every number this process gave out.
                blocks[key] = reserved
            }
            refilling.remove(key)
            condition.broadcast()
            condition.unlock()
        }
        let first = try reserve(org: org, connection: connection)
        reserved = Block(next: first, end: first + blockSize)
    }

    /// Moves the org's `next_number` past one block in a transaction of its own; the block's first number.
    private func reserve(org: Int64, connection: Connection) throws -> Int64 {
        let size = blockSize
        return try connection.transaction { connection -> Int64 in
            try connection.execute("""
                INSERT INTO ticket_number_blocks (org_id, next_number, updated_at)
                VALUES (\(org), 1, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE org_id = org_id
                """)
            guard let row = try connection.queryFirst("""
                SELECT next_number FROM ticket_number_blocks WHERE org_id = \(org) FOR UPDATE
                """) else {
                throw StoreError.notFound
            }
            let first = try row.decode("next_number", as: Int64.self)
            try connection.execute("""
                UPDATE ticket_number_blocks SET next_number = \(first + size), updated_at = UTC_TIMESTAMP(6)
                WHERE org_id = \(org)
                """)
            return first
        }
    }

    private static func key(org: Int64, connection: Connection) -> Key {
        let options = connection.options
        let place = options.unixSocket ?? "\(options.host):\(options.port)"
        return Key(database: "\(place)/\(options.database ?? "")", orgID: org)
    }
}
