import CFastCGI
import Foundation
import Logging

/// One worker thread's loop: accept a request (or the next one on its kept-alive connection), hand it
/// to `handle`, finish it; until the responder stops.
struct WorkerThread<Worker>: Sendable {
    let index: Int
    let listenDescriptor: Int32
    let board: WorkerBoard
    let wakeup: WakeupPipe
    let maxDrainBytes: Int
    let logger: Logger
    let makeWorker: @Sendable (Int) -> Worker
    let handle: @Sendable (FastCGIRequest, Worker) -> Void

    /// Starts the loop on a new thread named `fastcgi-worker-<index>`.
    func start() {
        let thread = Thread { self.run() }
        thread.name = "fastcgi-worker-\(index)"
        thread.start()
    }

    /// The loop; the `FCGX_Request` and the worker value live and die on this thread.
    private func run() {
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        FCGX_InitRequest(request, listenDescriptor, 0)
        defer {
            closeConnection(request)
            request.deallocate()
            board.set(.exited, worker: index)
        }
        let worker = makeWorker(index)

        while true {
            let stopping = board.set(.waiting, worker: index)
            if request.pointee.ipcFd >= 0 {
                // A kept-alive connection: wait for its next request, or for stop().
                guard waitForNextRequest(on: request.pointee.ipcFd, stopping: stopping) else { return }
            } else if stopping {
                return
            }

            let status = FCGX_Accept_r(request)
            if status < 0 {
                if board.isStopping { return }
                guard acceptFailedTransiently(status) else { return }
                continue
            }

            let stoppingNow = board.set(.busy, worker: index)
            let fastCGIRequest = FastCGIRequest(raw: request)
            handle(fastCGIRequest, worker)
            let inStep = fastCGIRequest.finish(maxDrainBytes: maxDrainBytes)
            if !inStep || stoppingNow || board.isStopping {
                request.pointee.keepConnection = 0  // libfcgi closes it after END_REQUEST
            }
            FCGX_Finish_r(request)
        }
    }

    /// Waits until `connection` is readable (the web server's next request, or its close).
    /// Returns false when the responder is stopping and no request is waiting.
    private func waitForNextRequest(on connection: Int32, stopping: Bool) -> Bool {
        var fds = [
            pollfd(fd: connection, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeup.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            // Once stopping, only look: serve a request that is already there, else close.
            let result = poll(&fds, stopping ? 1 : 2, stopping ? 0 : -1)
            if result < 0 && errno == EINTR { continue }
            if result < 0 { return false }
            if fds[0].revents != 0 { return true }
            if stopping { return false }
            if fds[1].revents != 0 { return waitForNextRequest(on: connection, stopping: true) }
        }
    }

    /// Closes a kept-alive connection that has no request in progress.
    private func closeConnection(_ request: UnsafeMutablePointer<FCGX_Request>) {
        FCGX_Free(request, 0)
        let fd = request.pointee.ipcFd
        guard fd >= 0 else { return }
        _ = shutdown(fd, Int32(SHUT_RDWR))
        _ = close(fd)
        request.pointee.ipcFd = -1
    }

    /// Logs an accept failure; backs off and returns true when it may pass (out of descriptors or
    /// memory), false when the listening socket is unusable.
    private func acceptFailedTransiently(_ status: Int32) -> Bool {
        let code = -status
        let transient = [EMFILE, ENFILE, ENOBUFS, ENOMEM, EINTR, EAGAIN].contains(code) || status <= -9000
        logger.error("FastCGI accept failed", metadata: [
            "worker": "\(index)", "status": "\(status)", "transient": "\(transient)",
        ])
        if transient { Thread.sleep(forTimeInterval: 0.1) }
        return transient
    }
}
