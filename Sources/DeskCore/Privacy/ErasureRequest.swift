import Foundation
import MariaDB

/// An end user's request to have their account and personal data erased, decided by an agent with the
/// privacy right `anonymize`. Deciding only records the decision; carrying out an approved erasure is
/// a separate job.
public struct ErasureRequest: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// The contact to erase.
    public let contactID: Int64
    /// The portal user who asked.
    public let portalUserID: Int64
    public let status: PrivacyRequestStatus
    public let requestedAt: Date
    /// Set once approved or rejected.
    public let decision: PrivacyRequestDecision?
    public let updatedAt: Date
    /// Bumped on every write.
    public let version: Int64
}

extension ErasureRequest {
    /// The stored columns (allow-listed).
    static let columns: SQL = """
        org_id, id, contact_id, portal_user_id, status, requested_at, decided_at, decided_by, reason, updated_at, version
        """

    /// Decodes a row read with ``columns``.
    init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), contactID: try row.decode("contact_id"),
                  portalUserID: try row.decode("portal_user_id"), status: try row.decodeRaw("status"),
                  requestedAt: try row.decode("requested_at"), decision: try PrivacyRequestDecision(row: row),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
    }
}
