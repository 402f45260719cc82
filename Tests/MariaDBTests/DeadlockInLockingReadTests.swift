import Foundation
import MariaDB
import Testing

/// A deadlock can strike while a prepared multi-row `SELECT … FOR UPDATE` is sending its rows: the
/// victim's statement then fails half-read. The retried transaction must run on a clean connection and
/// commit promptly, not wait on a protocol state left over from the failed read.
@Suite("Deadlock in a locking read")
struct DeadlockInLockingReadTests {
    @Test func victimOfAMultiRowLockingReadIsRetriedToSuccess() throws {
        let setup = try TestServer.connect()
        let options = try TestServer.options()
        try TestServer.withTable(setup, columns: "id INT PRIMARY KEY, n INT NOT NULL") { table in
            for id in [1, 2, 3] + Array(10..<30) {
                try setup.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(id), \(0))")
            }
            let attempts = LockedCounter()
            let outcomes = LockedCounter()
            let writerHoldsRow3 = DispatchSemaphore(value: 0)
            let readerStarted = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)

            func run(_ name: String, _ body: @escaping @Sendable (Connection, Int) throws -> Void) -> Thread {
                Thread {
                    defer { finished.signal() }
                    do {
                        let connection = try Connection(options: options)
                        let started = Date()
                        try connection.transaction(maxAttempts: 5) { tx in try body(tx, attempts.increment(name)) }
                        if Date().timeIntervalSince(started) > 10 { _ = outcomes.increment("slow \(name)") }
                        _ = try connection.query("SELECT id FROM \(unsafeRaw: table) WHERE id = \(1)")
                        _ = outcomes.increment("committed")
                    } catch {
                        _ = outcomes.increment("error \(name): \(error)")
                    }
                }
            }
            // The writer changes many rows (so InnoDB picks the light reader as the victim), holds row 3,
            // then asks for row 1 while the reader holds rows 1 and 2 and waits for row 3.
            let writer = run("writer") { tx, attempt in
                try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id >= \(10)")
                try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(3)")
                if attempt == 1 {
                    writerHoldsRow3.signal()
                    _ = readerStarted.wait(timeout: .now() + 20)
                    Thread.sleep(forTimeInterval: 0.5)
                }
                try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(1)")
            }
            let reader = run("reader") { tx, attempt in
                if attempt == 1 {
                    _ = writerHoldsRow3.wait(timeout: .now() + 20)
                    readerStarted.signal()
                }
                let rows = try tx.query("SELECT id, n FROM \(unsafeRaw: table) WHERE id <= \(3) ORDER BY id FOR UPDATE")
                if rows.count != 3 { _ = outcomes.increment("rows \(rows.count)") }
            }
            writer.start()
            reader.start()
            #expect(finished.wait(timeout: .now() + 60) == .success)
            #expect(finished.wait(timeout: .now() + 60) == .success)

            #expect(outcomes.value("committed") == 2)
            #expect(outcomes.value("slow reader") == 0 && outcomes.value("slow writer") == 0)
            #expect(attempts.value("reader") + attempts.value("writer") == 3)
            let counts = try setup.query("SELECT n FROM \(unsafeRaw: table) WHERE id <= \(3) ORDER BY id")
                .map { try $0.decode("n", as: Int.self) }
            #expect(counts == [1, 0, 1])
        }
    }
}
