#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Runs `body` in a transaction: `START TRANSACTION`, then `COMMIT`, or `ROLLBACK` when it throws.
    ///
    /// The transaction costs no round trip of its own: `START TRANSACTION` is sent with the body's first
    /// statement, and statements the body queued with ``executeLater(_:)`` go with the `COMMIT` (see
    /// ``sendQueued(commit:)``). A body that sends nothing costs nothing.
    ///
    /// When the body (or the commit) fails with a deadlock (1213) or a lock wait timeout (1205), the
    /// transaction is rolled back and the *whole body* runs again after a short randomised backoff, up to
    /// `maxAttempts` runs in all — so the body must be safe to repeat (no side effects outside the
    /// database). A lost connection inside the transaction is thrown, not retried, except on the
    /// transaction's first round trip (see ``firstRoundTrip(committing:_:)``).
    ///
    /// Called inside another transaction on the same connection, `body` simply joins it.
    public func transaction<T>(maxAttempts: Int = 5, _ body: (Connection) throws -> T) throws -> T {
        if isInTransaction { return try body(self) }
        var attempt = 1
        while true {
            isInTransaction = true
            beginPending = true
            do {
                let value = try body(self)
                try sendQueued(commit: true)
                isInTransaction = false
                return value
            } catch {
                rollbackQuietly()
                guard let failure = error as? MariaDBError, failure.isTransient, attempt < maxAttempts else {
                    throw error
                }
                statistics.transactionRetries += 1
                Self.backoff(attempt: attempt)
                attempt += 1
            }
        }
    }

    /// Rolls back what reached the server, ignoring errors (the connection may be gone), drops the queued
    /// statements, and leaves transaction mode.
    private func rollbackQuietly() {
        if !beginPending { try? executeText("ROLLBACK") }
        beginPending = false
        queued.removeAll()
        isInTransaction = false
    }

    /// Sleeps a few milliseconds, growing with the attempt, with jitter so two victims do not collide again.
    private static func backoff(attempt: Int) {
        let baseMicros = min(5_000 * (1 << min(attempt - 1, 5)), 100_000)
        let jitter = Int.random(in: 0...baseMicros)
        usleep(useconds_t(baseMicros / 2 + jitter))
    }
}
