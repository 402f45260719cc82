/// Counters of one connection, for tests and diagnostics.
public struct ConnectionStatistics: Sendable, Equatable {
    /// Statements prepared on the server (a statement-cache hit does not count).
    public var prepares: Int = 0
    /// Prepared statements executed.
    public var executions: Int = 0
    /// Times the connection was re-established after it was lost.
    public var reconnects: Int = 0
    /// Transaction bodies run again after a deadlock or lock wait timeout.
    public var transactionRetries: Int = 0

    /// Creates zeroed counters.
    public init() {}
}
