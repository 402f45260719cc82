import Foundation
import MariaDB

/// One queued email of an org.
public struct OutboxEmail: Sendable, Equatable {
    public let orgID: Int64
    public let id: Int64
    /// The recipient address.
    public let recipient: String
    public let subject: String
    /// Plain UTF-8 text.
    public let body: String
    public let createdAt: Date
    /// Failed delivery attempts so far.
    public let attempts: Int

    init(row: Row) throws {
        orgID = try row.decode("org_id")
        id = try row.decode("id")
        recipient = try row.decode("recipient")
        subject = try row.decode("subject")
        body = try row.decode("body")
        createdAt = try row.decode("created_at")
        attempts = try row.decode("attempts")
    }

    static let columns: SQL = "org_id, id, recipient, subject, body, created_at, attempts"
}
