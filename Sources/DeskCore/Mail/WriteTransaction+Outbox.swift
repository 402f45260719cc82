import Foundation

extension WriteTransaction {
    /// Queues an email to `recipient` in the outbox of this write's org. It is part of the write: sent
    /// only if the write commits, never when it rolls back. The delivery loop of `deskd serve` (or
    /// `deskd job run mail-delivery`) sends it.
    ///
    /// - Throws: `StoreError.invalid` for a recipient that is not an email address ("recipient") or a
    ///   subject with a line break or over 998 characters ("subject").
    @discardableResult
    public func enqueueEmail(to recipient: String, subject: String, body: String) throws -> Int64 {
        try Validation.email(recipient, field: "recipient")
        guard !subject.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw StoreError.invalid(field: "subject", reason: "must be one line")
        }
        try Validation.length(subject, field: "subject", max: 998)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO outbox_emails (org_id, id, recipient, subject, body, created_at, next_attempt_at, claimed_until,
                                       attempts, sent_at, failed_at, last_error)
            VALUES (\(orgID), \(id), \(recipient), \(subject), \(body), \(now), \(now), NULL, 0, NULL, NULL, NULL)
            """)
        return id
    }
}
