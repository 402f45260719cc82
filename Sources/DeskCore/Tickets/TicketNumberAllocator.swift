import Foundation
import MariaDB
import Synchronization

/// Hands out per-org ticket numbers from blocks reserved in the database.
///
/// A block of ``blockSize`` numbers is reserved in a short transaction of its own on
/// `ticket_number_blocks`, then numbers are taken from memory, so concurrent ticket creates never wait on
/// the counter row. Numbers are unique per org and increase within a process; numbers of rolled-back
/// creates and unused numbers of a block are lost (gaps are allowed).
public final class TicketNumberAllocator: Sendable {
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

    private let blocks = Mutex<[Key: (next: Int64, end: Int64)]>([:])

    public init(blockSize: Int64 = 100) {
        precondition(blockSize >= 1, "blockSize must be positive")
        self.blockSize = blockSize
    }

    /// The next number for `org`, or `NeedsBlock` when this process holds none.
    func take(org: Int64, connection: Connection) throws -> Int64 {
        let key = Self.key(org: org, connection: connection)
        let number = blocks.withLock { blocks -> Int64? in
            guard let block = blocks[key], block.next < block.end else { return nil }
            blocks[key] = (block.next + 1, block.end)
            return block.next
        }
        guard let number else { throw NeedsBlock(orgID: org) }
        return number
    }

    /// Reserves a new block for `org` in a transaction of its own (call outside any transaction).
    func refill(org: Int64, connection: Connection) throws {
        let size = blockSize
        let first = try connection.transaction { connection -> Int64 in
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
        let key = Self.key(org: org, connection: connection)
        blocks.withLock { blocks in
            // Keep whichever block is further along: numbers must never repeat in this process.
            if let current = blocks[key], current.next < current.end, current.end > first + size { return }
            blocks[key] = (first, first + size)
        }
    }

    private static func key(org: Int64, connection: Connection) -> Key {
        let options = connection.options
        let place = options.unixSocket ?? "\(options.host):\(options.port)"
        return Key(database: "\(place)/\(options.database ?? "")", orgID: org)
    }
}
