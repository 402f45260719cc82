/// Prepared statements of one connection, keyed by SQL text, least recently used evicted first.
final class StatementCache {
    private struct Entry {
        let statement: PreparedStatement
        var lastUse: UInt64
    }

    /// The most statements kept prepared at once.
    let capacity: Int
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int = 256) {
        precondition(capacity > 0, "cache capacity must be positive")
        self.capacity = capacity
    }

    /// Number of statements held.
    var count: Int { entries.count }

    /// The cached statement for `sql`, marking it used.
    func statement(for sql: String) -> PreparedStatement? {
        // One hash of the text: the entry is marked in place through its index.
        guard let index = entries.index(forKey: sql) else { return nil }
        clock &+= 1
        entries.values[index].lastUse = clock
        return entries.values[index].statement
    }

    /// Adds a statement, closing the least recently used one when full.
    func insert(_ statement: PreparedStatement) {
        if entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries.removeValue(forKey: oldest.key)?.statement.close()
        }
        clock &+= 1
        entries[statement.sql] = Entry(statement: statement, lastUse: clock)
    }

    /// Drops the statement for `sql` (after it failed in a way that may leave it unusable).
    func remove(_ sql: String) {
        entries.removeValue(forKey: sql)?.statement.close()
    }

    /// Closes every statement: after a reconnect, or when the connection closes.
    func removeAll() {
        for entry in entries.values { entry.statement.close() }
        entries.removeAll()
    }
}
