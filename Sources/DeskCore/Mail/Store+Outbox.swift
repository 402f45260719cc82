import Foundation
import MariaDB

extension Store {
    /// Claims up to `limit` due emails of every org in this region for `claimSeconds` (so that another
    /// responder's delivery loop skips them), oldest first. Rows another transaction holds are skipped
    /// (`FOR UPDATE SKIP LOCKED`); a claim that lapses (a crashed sender) makes the email due again.
    public func claimDueEmails(limit: Int, claimSeconds: Int = 300) throws -> [OutboxEmail] {
        try connection.transaction { connection in
            let now = Self.now()
            let emails = try connection.query("""
                SELECT \(OutboxEmail.columns) FROM outbox_emails
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= \(now)
                  AND (claimed_until IS NULL OR claimed_until < \(now))
                ORDER BY next_attempt_at, id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
                """).map(OutboxEmail.init(row:))
            let until = now.addingTimeInterval(Double(claimSeconds))
            for email in emails {
                try connection.execute("""
                    UPDATE outbox_emails SET claimed_until = \(until) WHERE org_id = \(email.orgID) AND id = \(email.id)
                    """)
            }
            return emails
        }
    }

    /// Records a delivered email.
    public func markEmailSent(_ email: OutboxEmail) throws {
        try connection.execute("""
            UPDATE outbox_emails SET sent_at = \(Self.now()), claimed_until = NULL
            WHERE org_id = \(email.orgID) AND id = \(email.id)
            """)
    }

    /// Records a failed attempt: the email is due again after `retryAfterSeconds`, or given up (failed_at)
    /// when `giveUp`. `reason` must hold no personal data (no address).
    public func markEmailFailed(_ email: OutboxEmail, reason: String, retryAfterSeconds: Int, giveUp: Bool) throws {
        let now = Self.now()
        let failedAt: Date? = giveUp ? now : nil
        try connection.execute("""
            UPDATE outbox_emails SET attempts = attempts + 1, claimed_until = NULL, last_error = \(String(reason.prefix(255))),
                   next_attempt_at = \(now.addingTimeInterval(Double(retryAfterSeconds))), failed_at = \(failedAt)
            WHERE org_id = \(email.orgID) AND id = \(email.id)
            """)
    }
}
