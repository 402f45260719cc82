import Foundation
import MariaDB
import Testing

@Suite("Transactions")
struct TransactionTests {
    private struct Abort: Error {}

    @Test func commitsAndRollsBack() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY") { table in
            let value = try connection.transaction { tx in
                #expect(tx.isInTransaction)
                try tx.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(1))")
                return "done"
            }
            #expect(value == "done")
            #expect(!connection.isInTransaction)
            var attempts = 0
            #expect(throws: Abort.self) {
                try connection.transaction { tx in
                    attempts += 1
                    try tx.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(2))")
                    throw Abort()
                }
            }
            #expect(attempts == 1)
            #expect(!connection.isInTransaction)
            let ids = try connection.query("SELECT id FROM \(unsafeRaw: table) ORDER BY id").map { try $0.decode("id", as: Int.self) }
            #expect(ids == [1])
        }
    }

    @Test func nonTransientErrorsAreNotRetried() throws {
        let connection = try TestServer.connect()
        var attempts = 0
        #expect(throws: MariaDBError.self) {
            try connection.transaction { tx in
                attempts += 1
                try tx.execute("SELECT * FROM no_such_table_for_deskd_tests")
            }
        }
        #expect(attempts == 1)
        #expect(connection.statistics.transactionRetries == 0)
    }

    /// Two connections on two threads lock two rows in opposite order; InnoDB picks a victim (1213),
    /// whose whole transaction body runs again and commits.
    @Test func deadlockVictimIsRetriedToSuccess() throws {
        let setup = try TestServer.connect()
        let options = try TestServer.options()
        try TestServer.withTable(setup, columns: "id INT PRIMARY KEY, n INT NOT NULL") { table in
            try setup.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(1), \(0)), (\(2), \(0))")
            let attempts = LockedCounter()
            let failures = LockedCounter()
            let holding = (a: DispatchSemaphore(value: 0), b: DispatchSemaphore(value: 0))
            let finished = DispatchSemaphore(value: 0)

            func worker(_ name: String, first: Int, second: Int, signal: DispatchSemaphore, await other: DispatchSemaphore) -> Thread {
                Thread {
                    defer { finished.signal() }
                    do {
                        let connection = try Connection(options: options)
                        try connection.transaction(maxAttempts: 5) { tx in
                            let attempt = attempts.increment(name)
                            try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(first)")
                            if attempt == 1 {
                                signal.signal()
                                if other.wait(timeout: .now() + 20) == .timedOut { _ = failures.increment("timeout") }
                            }
                            try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(second)")
                        }
                        _ = failures.increment("retries:\(connection.statistics.transactionRetries)")
                    } catch {
                        _ = failures.increment("error: \(error)")
                    }
                }
            }
            worker("a", first: 1, second: 2, signal: holding.a, await: holding.b).start()
            worker("b", first: 2, second: 1, signal: holding.b, await: holding.a).start()
            #expect(finished.wait(timeout: .now() + 60) == .success)
            #expect(finished.wait(timeout: .now() + 60) == .success)

            #expect(failures.value("timeout") == 0)
            // Both committed: each row was incremented by both transactions exactly once.
            let counts = try setup.query("SELECT n FROM \(unsafeRaw: table) ORDER BY id").map { try $0.decode("n", as: Int.self) }
            #expect(counts == [2, 2])
            // Exactly one retry happened: three body runs in all, one connection reporting a retry.
            #expect(attempts.value("a") + attempts.value("b") == 3)
            #expect(failures.value("retries:1") == 1)
            #expect(failures.value("retries:0") == 1)
        }
    }

    @Test func lockWaitTimeoutIsRetried() throws {
        let holder = try TestServer.connect()
        let waiter = try TestServer.connect()
        try TestServer.withTable(holder, columns: "id INT PRIMARY KEY, n INT NOT NULL") { table in
            try holder.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(1), \(0))")
            try waiter.execute("SET SESSION innodb_lock_wait_timeout = 1")
            var attempts = 0
            try holder.transaction { tx in
                try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(1)")
                #expect(throws: MariaDBError.self) {
                    try waiter.transaction(maxAttempts: 2) { inner in
                        attempts += 1
                        try inner.execute("UPDATE \(unsafeRaw: table) SET n = n + 10 WHERE id = \(1)")
                    }
                }
            }
            #expect(attempts == 2)
            #expect(waiter.statistics.transactionRetries == 1)
            #expect(!waiter.isInTransaction)
        }
    }
}
