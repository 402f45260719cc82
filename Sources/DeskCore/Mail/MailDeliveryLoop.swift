import Foundation
import Logging

/// The outbox delivery loop of `deskd serve`: one thread that, for every region, sends batches of due
/// emails (``MailDelivery``) until none is due, then waits `pollSeconds`. It has its own database
/// connection per region; a region whose database is down is retried on the next round. ``stop()`` wakes
/// it and waits for the batch in progress to finish.
public final class MailDeliveryLoop: @unchecked Sendable {
    private let config: DeskConfig
    private let delivery: MailDelivery
    private let logger: Logger
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var thread: Thread?

    public init(config: DeskConfig, logger: Logger) {
        self.config = config
        self.logger = logger
        self.delivery = MailDelivery(config: config.mail, logger: logger)
    }

    /// Starts the thread (once).
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard thread == nil else { return }
        let thread = Thread { [self] in run() }
        thread.name = "deskd.mail"
        self.thread = thread
        thread.start()
    }

    /// Asks the loop to stop and waits until it has.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while thread != nil && !finished { condition.wait() }
        condition.unlock()
    }

    private func run() {
        let connections = RegionConnections(config: config)
        defer {
            connections.closeAll()
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        while !isStopping {
            for region in config.activeRegions where !isStopping {
                deliverAll(region: region, connections: connections)
            }
            condition.lock()
            if !stopping { _ = condition.wait(until: Date().addingTimeInterval(Double(config.mail.pollSeconds))) }
            condition.unlock()
        }
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    private func deliverAll(region: RegionID, connections: RegionConnections) {
        do {
            try connections.with(region) { connection in
                // The loop never creates records: the generator (node 0) is never asked for an id.
                let store = Store(connection: connection, ids: IDGenerator(region: region, node: 0))
                while !isStopping {
                    let outcome = try delivery.runBatch(store: store)
                    if outcome.claimed < delivery.batchSize { break }
                }
            }
        } catch {
            logger.warning("mail delivery round failed", metadata: [
                "region": "\(region.rawValue)", "error_type": "\(String(reflecting: type(of: error)))",
            ])
        }
    }
}
