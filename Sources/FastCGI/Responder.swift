import CFastCGI
import Foundation
import Logging

/// A FastCGI responder over libfcgi: a pool of worker threads accepting requests on one listening
/// socket, each handling one request at a time.
///
/// Behind nginx with `fastcgi_keep_conn on`, a kept-alive connection stays with one worker between
/// requests, so ``ResponderConfiguration/workerCount`` must exceed the number of connections nginx keeps.
///
/// ``run(makeWorker:handle:)`` ignores `SIGPIPE` for the whole process: a client or web server that goes
/// away mid-response makes the write throw ``FastCGIError/writeFailed(code:)`` (`EPIPE`) instead of
/// killing the process.
public final class Responder: Sendable {
    private let configuration: ResponderConfiguration
    private let logger: Logger
    private let socket: ListeningSocket
    private let board: WorkerBoard
    private let wakeup: WakeupPipe

    /// Initialises libfcgi (once per process) and creates the unix socket, or checks that file
    /// descriptor 0 is a listening socket. Throws ``FastCGIError`` naming the problem.
    public init(configuration: ResponderConfiguration, logger: Logger) throws {
        precondition(configuration.workerCount > 0, "workerCount must be positive")
        try LibFCGI.initialize()
        self.configuration = configuration
        self.logger = logger
        self.board = WorkerBoard(workerCount: configuration.workerCount)
        self.wakeup = try WakeupPipe()
        self.socket = try ListeningSocket.open(configuration.listen, backlog: configuration.backlog)
    }

    deinit {
        // After a drain timeout, workers may still use the descriptor: leave it to process exit then.
        if board.noWorkerRunning { socket.close() }
    }

    /// Starts `workerCount` threads; each creates its worker value by calling `makeWorker(index)` on
    /// that thread, then loops `FCGX_Accept_r` → `handle(request, worker)` → finish.
    ///
    /// Blocks until ``stop()`` was called and every worker drained, or
    /// ``ResponderConfiguration/drainTimeout`` passed since ``stop()`` (workers still busy then are
    /// logged and left running). Also returns if every worker exited on its own (the listening socket
    /// failed). Call once; a second call returns at once.
    public func run<Worker>(
        makeWorker: @escaping @Sendable (Int) -> Worker,
        handle: @escaping @Sendable (FastCGIRequest, Worker) -> Void
    ) {
        let count = configuration.workerCount
        guard board.start() else {
            logger.error("FastCGI responder run called more than once")
            return
        }
        signal(SIGPIPE, SIG_IGN)
        logger.info("FastCGI responder started", metadata: ["workers": "\(count)"])
        for index in 0..<count {
            WorkerThread(
                index: index, listenDescriptor: socket.descriptor, board: board, wakeup: wakeup,
                maxDrainBytes: configuration.maxDrainBytes, logger: logger,
                makeWorker: makeWorker, handle: handle
            ).start()
        }

        let running = board.waitForWorkers(drainTimeout: configuration.drainTimeout)
        if running.isEmpty {
            socket.close()
            logger.info("FastCGI responder stopped")
        } else {
            logger.warning("FastCGI responder drain timed out", metadata: [
                "busy": "\(running.filter { $0.phase == .busy }.map(\.index))",
                "waiting": "\(running.filter { $0.phase != .busy }.map(\.index))",
            ])
        }
    }

    /// Stops accepting connections and requests; requests in progress finish, kept-alive connections
    /// with no request in progress are closed. Returns at once; ``run(makeWorker:handle:)`` returns when
    /// the workers drained. Safe from any thread (not from a signal handler itself: call it from the
    /// thread that watches signals). Calling it again does nothing.
    public func stop() {
        guard board.requestStop() else { return }
        logger.info("FastCGI responder stopping")
        // shutdown() makes every accept() on the socket fail with EINVAL, now and later. Not
        // FCGX_ShutdownPending(): that flag is process-wide and permanent, so it would also stop any
        // other responder in the process (tests run several).
        socket.shutdown()
        wakeup.signal()
    }
}
