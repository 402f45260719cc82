#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prepared statements of one connection, keyed by SQL text, least recently used evicted first.
final class StatementCache {
    private struct Entry {
        let statement: PreparedStatement
        var lastUse: UInt64
    }

    /// SQL text as a key, hashed eight bytes at a time: statements run to a few hundred bytes, and the
    /// standard hasher's pass over every byte of the text was a visible part of each query's CPU.
    private struct Key: Hashable {
        let text: String

        /// Byte-wise equality (the server gets the bytes; `String`'s `==` would also match canonically
        /// equivalent texts of other bytes, which hash differently here).
        static func == (lhs: Key, rhs: Key) -> Bool {
            var left = lhs.text
            var right = rhs.text
            return left.withUTF8 { a in
                right.withUTF8 { b in
                    a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            hasher.combine(text.withUTF8 { Self.digest($0) })
        }

        /// A multiply-xorshift mix over the bytes, eight at a time, and the length.
        private static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var hash: UInt64 = 0x243f_6a88_85a3_08d3 ^ UInt64(bytes.count)
            func mix(_ word: UInt64) {
                hash = (hash ^ word) &* 0x9e37_79b9_7f4a_7c15
                hash ^= hash >> 29
            }
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            mix(tail)
            return hash
        }
    }

    /// The most statements kept prepared at once.
    let capacity: Int
    private var entries: [Key: Entry] = [:]
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
        guard let index = entries.index(forKey: Key(text: sql)) else { return nil }
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
        entries[Key(text: statement.sql)] = Entry(statement: statement, lastUse: clock)
    }

    /// Drops the statement for `sql` (after it failed in a way that may leave it unusable).
    func remove(_ sql: String) {
        entries.removeValue(forKey: Key(text: sql))?.statement.close()
    }

    /// Closes every statement: after a reconnect, or when the connection closes.
    func removeAll() {
        for entry in entries.values { entry.statement.close() }
        entries.removeAll()
    }
}
