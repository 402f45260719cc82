/// How a ``Responder`` listens and runs its workers.
///
/// The defaults suit one deskd process behind a local nginx: 32 worker threads, a listen backlog of 1024
/// and ten seconds to drain in-flight requests on stop.
public struct ResponderConfiguration: Sendable {
    /// Where FastCGI connections come from.
    public enum Listen: Sendable, Equatable {
        /// Create a unix socket at `path` (a stale socket file there is removed first) and give it
        /// `permissions` (for example `0o660`, so the nginx group can connect).
        case unixSocket(path: String, permissions: UInt16 = 0o660)
        /// Use the listening socket inherited on file descriptor 0 (spawn-fcgi, systemd socket
        /// activation with `StandardInput=socket`). The descriptor must be a listening socket.
        case inheritedDescriptor
    }

    /// Where FastCGI connections come from.
    public var listen: Listen
    /// Number of worker threads, each serving one connection at a time. A kept-alive nginx connection
    /// pins a worker while it is open, so this must stay above nginx `worker_processes` × upstream
    /// `keepalive`.
    public var workerCount: Int
    /// Listen backlog for a socket this responder creates (ignored for an inherited socket).
    public var backlog: Int32
    /// How long ``Responder/stop()`` lets in-flight requests finish before ``Responder/run(makeWorker:handle:)``
    /// returns anyway.
    public var drainTimeout: Duration
    /// The most unread request body bytes a worker reads and discards after `handle` returned, to keep a
    /// kept-alive connection in step. A longer leftover body closes the connection instead.
    public var maxDrainBytes: Int

    /// Creates a configuration; every value but `listen` has a default.
    public init(
        listen: Listen,
        workerCount: Int = 32,
        backlog: Int32 = 1024,
        drainTimeout: Duration = .seconds(10),
        maxDrainBytes: Int = 32 * 1024 * 1024
    ) {
        self.listen = listen
        self.workerCount = workerCount
        self.backlog = backlog
        self.drainTimeout = drainTimeout
        self.maxDrainBytes = maxDrainBytes
    }
}
