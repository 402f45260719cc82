import Foundation
import MariaDB
import Testing

/// The test server comes from `DESKD_TEST_MARIADB_DSN`; tests that need it fail (never skip) without it.
enum TestServer {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "DESKD_TEST_MARIADB_DSN is not set: start a server with `make test` or set DESKD_TEST_MARIADB_DSN "
                + "(e.g. mariadb://user:password@127.0.0.1:3306/desk_test)"
        }
    }

    /// Options parsed from `DESKD_TEST_MARIADB_DSN`.
    static func options() throws -> ConnectionOptions {
        guard let dsn = ProcessInfo.processInfo.environment["DESKD_TEST_MARIADB_DSN"], !dsn.isEmpty else {
            throw Missing()
        }
        return try ConnectionOptions(dsn: dsn)
    }

    /// A new connection to the test database.
    static func connect() throws -> Connection {
        try Connection(options: options())
    }

    /// A table name no other test (or test run) uses.
    static func uniqueTableName(_ prefix: String = "t") -> String {
        "\(prefix)_\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
    }

    /// Creates a uniquely named InnoDB utf8mb4 table with `columns`, runs `body`, then drops it.
    static func withTable<T>(
        _ connection: Connection, columns: String, _ body: (String) throws -> T
    ) throws -> T {
        let name = uniqueTableName()
        try connection.execute(
            "CREATE TABLE \(unsafeRaw: name) (\(unsafeRaw: columns)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")
        defer { _ = try? connection.execute("DROP TABLE IF EXISTS \(unsafeRaw: name)") }
        return try body(name)
    }
}

/// A counter shared between test threads.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Int] = [:]

    func increment(_ key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        values[key, default: 0] += 1
        return values[key]!
    }

    func value(_ key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return values[key, default: 0]
    }
}
