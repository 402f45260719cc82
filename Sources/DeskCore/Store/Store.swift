import Foundation
import MariaDB

/// Everything a request or a CLI command does with one region's data (DESIGN §4).
///
/// Reads always take the org and never return records in the recycle bin. Every change goes through
/// ``write(_:_:)``: one transaction that applies the change, bumps `version` and appends the audit rows.
/// Not `Sendable`: make one per use from a worker's connection.
public struct Store {
    /// The region database connection.
    public let connection: Connection
    /// Generates the IDs of new records.
    public let ids: IDGenerator
    /// Hands out ticket numbers from blocks taken from the database.
    public let ticketNumbers: TicketNumberAllocator

    /// - Parameters:
    ///   - connection: a connection to the region's database (schema migrated).
    ///   - ids: the region's ID generator.
    ///   - ticketNumbers: the process-wide block cache of ticket numbers; share one per process.
    public init(connection: Connection, ids: IDGenerator, ticketNumbers: TicketNumberAllocator = .shared) {
        self.connection = connection
        self.ids = ids
        self.ticketNumbers = ticketNumbers
    }

    /// The one write path: runs `body` in one MariaDB transaction, which commits when the body returns and
    /// rolls back (writing nothing, not even audit rows) when it throws.
    ///
    /// The body may run more than once — on a deadlock or lock wait timeout, and when this process needs a
    /// new block of ticket numbers — so it must have no effects outside the transaction.
    public func write<T>(_ actor: Actor, _ body: (WriteTransaction) throws -> T) throws -> T {
        var blockRefills = 0
        while true {
            do {
                var changedAuthentication = false
                var changedCustomFields = false
                var changedAccess = false
                let value = try connection.transaction { connection in
                    let tx = try WriteTransaction(store: self, actor: actor)
                    defer { tx.close() }
                    let value = try body(tx)
                    changedAuthentication = tx.changesAuthentication
                    changedCustomFields = tx.changesCustomFields
                    changedAccess = tx.changesAccess
                    return value
                }
                // An agent, org or client changed: tokens it affects stop working in this process at once.
                if changedAuthentication { AccessTokenCache.shared.removeAll() }
                // A custom field definition changed: this process's reads render the new set of `cf` keys.
                if changedCustomFields { CustomFieldNameCache.shared.removeAll() }
                // Profiles, roles, sharing or an agent changed: every agent's access is resolved afresh.
                if changedAccess { AccessCache.shared.removeAll() }
                return value
            } catch let need as TicketNumberAllocator.NeedsBlock where blockRefills < 20 {
                blockRefills += 1
                try ticketNumbers.refill(org: need.orgID, connection: connection)
            }
        }
    }

    /// The current UTC time from this process's clock, truncated to whole microseconds (what a
    /// `DATETIME(6)` column stores, so a value written and read back compares equal).
    ///
    /// Write transactions and tokens take their times from here instead of asking the server
    /// (`SELECT UTC_TIMESTAMP(6)` was one more round trip per write); the application hosts and the
    /// database hosts are expected to keep their clocks synchronised (NTP), as token expiry is still
    /// compared with the server's `UTC_TIMESTAMP(6)`.
    public static func now() -> Date {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let micros = Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// `date` rounded to whole microseconds, as binding it to a `DATETIME(6)` column stores it: the
    /// value a read of the column gives back.
    public static func wholeMicroseconds(_ date: Date) -> Date {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        return Date(timeIntervalSince1970: micros / 1_000_000)
    }
}
