import Foundation
import MariaDB

/// An end user's request to change the email of their contact and portal account, decided by an agent
/// with the privacy right `approveEmailChange`.
public struct EmailChangeRequest: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// The contact whose email changes.
    public let contactID: Int64
    /// The portal user who asked (signs in with the email).
    public let portalUserID: Int64
    /// The email when the request was made.
    public let oldEmail: String
    /// The email asked for.
    public let newEmail: String
    public let status: PrivacyRequestStatus
    public let requestedAt: Date
    /// Set once approved or rejected.
    public let decision: PrivacyRequestDecision?
    public let updatedAt: Date
    /// Bumped on every write.
    public let version: Int64
}

extension EmailChangeRequest {
    /// The stored columns (allow-listed).
    static let columns: SQL = """
        org_id, id, contact_id, portal_user_id, old_email, new_email, status, requested_at, decided_at, decided_by, \
        reason, updated_at, version
        """

    /// Decodes a row read with ``columns``.
    init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), contactID: try row.decode("contact_id"),
                  portalUserID: try row.decode("portal_user_id"), oldEmail: try row.decode("old_email"),
                  newEmail: try row.decode("new_email"), status: try row.decodeRaw("status"),
                  requestedAt: try row.decode("requested_at"),
                  decision: try PrivacyRequestDecision(row: row), updatedAt: try row.decode("updated_at"),
                  version: try row.decode("version"))
    }
}

extension PrivacyRequestDecision {
    /// The decision columns of a request row, or nil while it is pending.
    init?(row: Row) throws {
        guard let at: Date = try row.decode("decided_at"), let by: Int64 = try row.decode("decided_by") else { return nil }
        self.init(decidedBy: by, decidedAt: at, reason: try row.decode("reason"))
    }
}
