import CMariaDB

/// One connection to a MariaDB server.
///
/// A connection is used by one thread at a time and is not `Sendable`: give each worker thread its own.
/// Connector/C needs no per-thread set-up, but a thread that ends after using connections may call
/// `mysql_thread_end()` to release per-thread memory — that, and `mysql_thread_init()`, are the calling
/// thread's business, not this type's.
///
/// Every statement is prepared with bound values and cached by SQL text (least recently used evicted
/// beyond ``statementCacheCapacity``). When the connection is lost (errors 2006 / 2013) *outside* a
/// transaction, it reconnects once, clears the statement cache, and retries the statement once; inside
/// a transaction the error is thrown (the transaction's first round trip excepted: see
/// ``transaction(maxAttempts:_:)``).
public final class Connection {
    /// The options this connection was opened with.
    public let options: ConnectionOptions
    /// The most prepared statements kept per connection.
    public let statementCacheCapacity: Int

    /// Whether a ``transaction(maxAttempts:_:)`` body is running.
    public internal(set) var isInTransaction = false
    /// Inside a transaction: its `START TRANSACTION` has not been sent yet (it travels with the
    /// transaction's first round trip).
    var beginPending = false
    /// Inside a transaction: the statements ``executeLater(_:)`` queued and not sent yet.
    var queued: [SQL] = []
    /// Counters of prepares, executions and reconnects.
    public internal(set) var statistics = ConnectionStatistics()

    /// ER_MAX_PREPARED_STMT_COUNT_REACHED: the server's `max_prepared_stmt_count` is used up.
    private static let tooManyPreparedStatements: UInt32 = 1461

    var handle: UnsafeMutablePointer<MYSQL>?
    private(set) var isClosed = false
    let statements: StatementCache

    /// Connects: utf8mb4, session `time_zone = '+00:00'`, autocommit on.
    ///
    /// - Throws: ``MariaDBError`` when the server cannot be reached or refuses the login.
    public init(options: ConnectionOptions, statementCacheCapacity: Int = 256) throws {
        try MariaDBLibrary.initialize()
        self.options = options
        self.statementCacheCapacity = statementCacheCapacity
        self.statements = StatementCache(capacity: statementCacheCapacity)
        self.handle = try Self.open(options)
    }

    deinit {
        close()
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: SQL) throws -> [Row] {
        try run(sql).rows
    }

    /// Runs a query and returns its first row, if any.
    public func queryFirst(_ sql: SQL) throws -> Row? {
        try run(sql).rows.first
    }

    /// Runs a statement that returns no rows (`INSERT`, `UPDATE`, `DELETE`, DDL, ...).
    @discardableResult
    public func execute(_ sql: SQL) throws -> ExecutionResult {
        try run(sql).result
    }

    /// Checks that the server answers (`mysql_ping`). Outside a transaction a lost connection is
    /// re-established first, so a recovered server reads as alive.
    public func ping() throws {
        try withReconnect {
            let mysql = try liveHandle()
            if mysql_ping(mysql) != 0 { throw MariaDBError.from(mysql, sql: nil) }
        }
    }

    /// The server's id of this connection (`CONNECTION_ID()`); changes after a reconnect.
    public var connectionID: UInt64 {
        handle.map { UInt64(mysql_thread_id($0)) } ?? 0
    }

    /// Closes the connection and frees its prepared statements. Later calls throw.
    public func close() {
        isClosed = true
        disconnect()
    }

    // MARK: - Internals

    /// Runs `sql`; inside a transaction, after what the transaction still owes the server.
    private func run(_ sql: SQL) throws -> StatementOutcome {
        if isInTransaction { try sendQueued(commit: false) }
        return try runPrepared(sql)
    }

    /// Runs `sql` as a prepared statement (outside a transaction, reconnecting once when the link is lost).
    func runPrepared(_ sql: SQL) throws -> StatementOutcome {
        try withReconnect {
            let statement = try preparedStatement(for: sql.text)
            statistics.executions += 1
            do {
                return try statement.execute(sql.bindings)
            } catch let failure as ResultReadFailure {
                disconnect()
                throw failure.error
            }
        }
    }

    private func preparedStatement(for text: String) throws -> PreparedStatement {
        if let cached = statements.statement(for: text) { return cached }
        let statement: PreparedStatement
        do {
            statement = try PreparedStatement(sql: text, mysql: try liveHandle())
        } catch let error as MariaDBError where error.code == Self.tooManyPreparedStatements {
            // The server-wide max_prepared_stmt_count is reached: give ours back and try once more.
            statements.removeAll()
            statement = try PreparedStatement(sql: text, mysql: try liveHandle())
        }
        statistics.prepares += 1
        statements.insert(statement)
        return statement
    }

    /// Runs `operation`; outside a transaction, a lost connection is re-established and the operation
    /// retried once.
    func withReconnect<T>(_ operation: () throws -> T) throws -> T {
        if handle == nil, !isClosed, !isInTransaction {
            try reconnect()
        }
        do {
            return try operation()
        } catch let error as MariaDBError where error.allowsReconnect && !isInTransaction && !isClosed {
            try reconnect()
            return try operation()
        }
    }

    /// The open handle, or an error when the connection was closed or is down.
    func liveHandle() throws -> UnsafeMutablePointer<MYSQL> {
        guard let handle else {
            throw MariaDBError(code: isClosed ? 2000 : 2006, sqlState: "HY000",
                               message: isClosed ? "the connection is closed" : "not connected", sql: nil)
        }
        return handle
    }

    func reconnect() throws {
        disconnect()
        statistics.reconnects += 1
        handle = try Self.open(options)
    }

    /// Closes the handle, then frees the statements (which `mysql_close` has detached from it, so
    /// freeing them sends nothing over a possibly dead link).
    private func disconnect() {
        if let handle {
            mysql_close(handle)
            self.handle = nil
        }
        statements.removeAll()
    }
}

@available(*, unavailable, message: "a Connection belongs to one thread; open one per thread")
extension Connection: Sendable {}
