import Foundation

/// What each worker thread is doing, whether the responder is stopping, and the wait for the workers
/// to exit. Shared by the worker threads, ``Responder/run(makeWorker:handle:)`` and
/// ``Responder/stop()``.
final class WorkerBoard: @unchecked Sendable {  // all state is guarded by `condition`
    /// A worker's phase, for the drain and its log.
    enum Phase: Sendable, Equatable {
        /// Started, creating its worker value.
        case starting
        /// Waiting for a request: in `accept` on the listening socket, or on a kept-alive connection.
        case waiting
        /// Running a request's handler (or finishing it).
        case busy
        /// Left its loop.
        case exited
    }

    private let condition = NSCondition()
    private var phases: [Phase] = []
    private var live = 0
    private var started = false
    private var stopRequestedAt: ContinuousClock.Instant?

    /// Registers `count` workers; returns false if the board was already used (run called twice).
    func start(workerCount count: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return false }
        started = true
        phases = Array(repeating: .starting, count: count)
        live = count
        return true
    }

    /// Whether no worker thread is running: run never started them, or all of them exited.
    var noWorkerRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return live == 0
    }

    /// Whether ``requestStop()`` was called.
    var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopRequestedAt != nil
    }

    /// Marks the responder stopping; returns true for the first call only.
    func requestStop() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard stopRequestedAt == nil else { return false }
        stopRequestedAt = .now
        condition.broadcast()
        return true
    }

    /// Records worker `index`'s phase. Returns whether the responder is stopping.
    @discardableResult
    func set(_ phase: Phase, worker index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if phase == .exited, phases[index] != .exited {
            live -= 1
            condition.broadcast()
        }
        phases[index] = phase
        return stopRequestedAt != nil
    }

    /// Blocks until every worker exited, or until `drainTimeout` after ``requestStop()``.
    /// Returns the workers still running, with their phase (empty when all exited).
    func waitForWorkers(drainTimeout: Duration) -> [(index: Int, phase: Phase)] {
        condition.lock()
        defer { condition.unlock() }
        while live > 0 {
            if let stopRequestedAt {
                let remaining = stopRequestedAt.advanced(by: drainTimeout) - .now
                guard remaining > .zero else { break }
                _ = condition.wait(until: Date(timeIntervalSinceNow: remaining.seconds))
            } else {
                condition.wait()
            }
        }
        return phases.enumerated().filter { $0.element != .exited }.map { ($0.offset, $0.element) }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
