import Foundation
import Synchronization

/// The workers' phases and the stop request, shared by the worker threads and `Responder`.
///
/// Workers record their phase several times per request, so the phases and the stop flag are atomics:
/// nothing on the request path takes a lock shared by all workers. `condition` guards only what changes
/// when a worker exits or a stop is requested, and lets `run()` wait for the drain.
final class WorkerBoard: @unchecked Sendable {  // atomics, plus `condition` guarding the var properties
    /// What a worker is doing.
    enum Phase: UInt8, Sendable, Equatable {
        /// Not yet in its loop.
        case starting
        /// Waiting for a request: in accept, or idle on a kept-alive connection.
        case waiting
        /// Handling a request.
        case busy
        /// Left its loop for good.
        case exited
    }

    /// One worker's phase.
    private final class Slot: Sendable {
        let phase = Atomic<UInt8>(Phase.starting.rawValue)
    }

    private let slots: [Slot]
    private let stopping = Atomic<Bool>(false)
    private let condition = NSCondition()
    private var live: Int
    private var started = false
    private var stopRequestedAt: ContinuousClock.Instant?

    /// A board for `workerCount` workers, none started yet.
    init(workerCount: Int) {
        slots = (0..<workerCount).map { _ in Slot() }
        live = workerCount
    }

    /// Marks the board started; false if it already was (a responder runs once).
    func start() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return false }
        started = true
        return true
    }

    /// True before the workers started and after every worker exited.
    var noWorkerRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !started || live == 0
    }

    /// Whether ``requestStop()`` was called.
    var isStopping: Bool {
        stopping.load(ordering: .acquiring)
    }

    /// Records the stop request; false if one was already recorded.
    func requestStop() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard stopRequestedAt == nil else { return false }
        stopRequestedAt = .now
        stopping.store(true, ordering: .releasing)
        condition.broadcast()
        return true
    }

    /// Records worker `index`'s phase. Returns whether the responder is stopping.
    @discardableResult
    func set(_ phase: Phase, worker index: Int) -> Bool {
        let previous = slots[index].phase.exchange(phase.rawValue, ordering: .acquiringAndReleasing)
        if phase == .exited, previous != Phase.exited.rawValue {
            condition.lock()
            live -= 1
            condition.broadcast()
            condition.unlock()
        }
        return isStopping
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
        return slots.enumerated().compactMap { index, slot in
            let phase = Phase(rawValue: slot.phase.load(ordering: .acquiring)) ?? .exited
            return phase == .exited ? nil : (index, phase)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
