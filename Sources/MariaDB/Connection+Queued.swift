import CMariaDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// The most statements kept queued; one more sends them at once (without the commit).
    static let maxQueuedStatements = 16

    /// Runs a statement whose outcome the caller does not need, as late as the transaction allows: queued,
    /// and sent just before the transaction's next statement or together with its `COMMIT`. Outside a
    /// transaction it runs at once.
    ///
    /// For `INSERT`, `UPDATE` and `DELETE` statements that return no rows. Errors of a queued statement
    /// (a duplicate key, a deadlock) are thrown by the statement or commit that sends it, and roll the
    /// transaction back as any error of its body would. Statements run in the order they were issued.
    public func executeLater(_ sql: SQL) throws {
        guard isInTransaction else {
            _ = try runPrepared(sql)
            return
        }
        queued.append(sql)
        if queued.count > Self.maxQueuedStatements { try sendQueued(commit: false) }
    }

    /// Sends what the transaction still owes the server — its `START TRANSACTION` when not sent yet, the
    /// queued statements, and the `COMMIT` when `commit` — in one round trip.
    ///
    /// Several statements travel as one anonymous block (`BEGIN NOT ATOMIC … END`), prepared and cached like
    /// any statement, with the queued statements' bound values in order. A commit when nothing was sent
    /// sends nothing.
    func sendQueued(commit: Bool) throws {
        let first = beginPending
        if queued.isEmpty {
            if first {
                if !commit { try firstRoundTrip(committing: false) { try executeText("START TRANSACTION") } }
                beginPending = false
            } else if commit {
                try executeText("COMMIT")
            }
            return
        }
        var text = "BEGIN NOT ATOMIC\n"
        if first { text += "START TRANSACTION;\n" }
        for statement in queued { text += statement.text + ";\n" }
        if commit { text += "COMMIT;\n" }
        text += "END"
        let block = SQL(unsafeRaw: text, bindings: queued.flatMap(\.bindings))
        queued.removeAll(keepingCapacity: true)
        // From here on the server may hold the transaction open: a failure rolls it back.
        beginPending = false
        if first {
            try firstRoundTrip(committing: commit) { _ = try runPrepared(block) }
        } else {
            _ = try runPrepared(block)
        }
    }

    /// Runs the transaction's first round trip. Nothing of the transaction has reached the server yet, so
    /// a connection the server has already closed (restarted, killed, timed out) is replaced before it is
    /// used — noticed without a round trip, by its socket reading as closed. When the round trip carries no
    /// `COMMIT`, a connection lost on the way is also replaced and the trip sent again (the lost session's
    /// uncommitted work died with it); with a `COMMIT` the loss is thrown, since the server may have
    /// committed.
    private func firstRoundTrip(committing: Bool, _ operation: () throws -> Void) throws {
        if !isClosed, handle == nil || serverHasClosed() { try reconnect() }
        do {
            try operation()
        } catch let error as MariaDBError where error.allowsReconnect && !committing && !isClosed {
            try reconnect()
            try operation()
        }
    }

    /// Whether the server has closed this idle connection: it never sends anything unasked, so a socket
    /// with something to read (end of file, or the error packet sent before closing) or in error is closed.
    private func serverHasClosed() -> Bool {
        guard let handle else { return true }
        var descriptor = pollfd(fd: Int32(mysql_get_socket(handle)), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }
}
