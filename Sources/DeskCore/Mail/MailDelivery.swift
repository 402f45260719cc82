import Foundation
import Logging

/// Sends the due emails of one region's outbox: claims a batch, hands each to the transport, records the
/// outcome; failures are retried with a doubling wait (30 s, 1 min, 2 min, … at most 6 h) and given up
/// after `maxAttempts`. Logs counts and ids, never addresses or text.
public struct MailDelivery: Sendable {
    public let transport: any MailTransport
    public let from: String
    public let batchSize: Int
    public let maxAttempts: Int
    public let logger: Logger

    public init(config: MailConfig, logger: Logger) {
        self.init(transport: config.transport, from: config.from, batchSize: config.batchSize,
                  maxAttempts: config.maxAttempts, logger: logger)
    }

    public init(transport: any MailTransport, from: String, batchSize: Int, maxAttempts: Int, logger: Logger) {
        self.transport = transport
        self.from = from
        self.batchSize = batchSize
        self.maxAttempts = maxAttempts
        self.logger = logger
    }

    /// Counts of one batch.
    public struct Outcome: Sendable, Equatable {
        public var sent = 0
        public var failed = 0
        public var claimed: Int { sent + failed }

        public init(sent: Int = 0, failed: Int = 0) {
            self.sent = sent
            self.failed = failed
        }
    }

    /// Claims and sends one batch.
    @discardableResult
    public func runBatch(store: Store) throws -> Outcome {
        var outcome = Outcome()
        for email in try store.claimDueEmails(limit: batchSize) {
            let message = MailMessage(from: from, to: email.recipient, subject: email.subject, body: email.body,
                                      date: email.createdAt, messageID: "\(email.orgID).\(email.id)@deskd")
            do {
                try transport.send(message)
                try store.markEmailSent(email)
                outcome.sent += 1
            } catch {
                let attempts = email.attempts + 1
                let giveUp = attempts >= maxAttempts
                let reason = (error as? MailTransportError)?.description ?? "delivery failed"
                try store.markEmailFailed(email, reason: reason, retryAfterSeconds: Self.backoff(attempts: attempts),
                                          giveUp: giveUp)
                logger.warning("email delivery failed", metadata: [
                    "email.id": "\(email.id)", "org.id": "\(email.orgID)", "attempts": "\(attempts)",
                    "gave_up": "\(giveUp)", "error": "\(reason)",
                ])
                outcome.failed += 1
            }
        }
        return outcome
    }

    /// Seconds before the next attempt after `attempts` failures: 30 · 2^(attempts−1), at most 6 h.
    public static func backoff(attempts: Int) -> Int {
        min(30 << min(max(attempts - 1, 0), 20), 6 * 3600)
    }
}
