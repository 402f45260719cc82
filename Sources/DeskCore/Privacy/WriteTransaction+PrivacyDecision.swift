import Foundation
import MariaDB

extension WriteTransaction {
    /// Refuses with `StoreError.forbidden` unless the actor's profile has the privacy right (the API checks
    /// it first; this keeps the write path safe for any other caller).
    func requirePrivacyRight(_ action: PrivacyAction) throws {
        guard actor.access.permissions.allows(action) else { throw StoreError.forbidden }
    }

    /// The request, locked for the rest of the write, while it is still pending.
    ///
    /// - Throws: `StoreError.notFound` (unknown or another org's); `PrivacyRequestRefusal.alreadyDecided`.
    func lockedPendingRequest<R: PrivacyRequestRecord>(_ type: R.Type, _ id: Int64) throws -> R {
        guard let request = try connection.queryFirst("""
            SELECT \(R.columns) FROM \(R.table) WHERE org_id = \(orgID) AND id = \(id) FOR UPDATE
            """).map(R.init(row:)) else { throw StoreError.notFound }
        guard request.status == .pending else { throw PrivacyRequestRefusal.alreadyDecided(request.status) }
        return request
    }

    /// The portal user's pending request of this kind, locked, or nil.
    func lockedPendingRequest<R: PrivacyRequestRecord>(_ type: R.Type, portalUser: Int64) throws -> R? {
        try connection.queryFirst("""
            SELECT \(R.columns) FROM \(R.table)
            WHERE org_id = \(orgID) AND portal_user_id = \(portalUser) AND status = 'pending' FOR UPDATE
            """).map(R.init(row:))
    }

    /// Records the decision on a pending request (the acting agent, now, the reason) and audits an 'update'
    /// of `status`, `decidedBy`, `decidedAt` and `reason`.
    ///
    /// - Throws: `StoreError.invalid(field: "reason", …)` for an over-long reason.
    func recordDecision<R: PrivacyRequestRecord>(_ request: R, _ status: PrivacyRequestStatus, reason: String?) throws -> R {
        let reason = reason.flatMap { Validation.isBlank($0) ? nil : $0 }
        if let reason { try Validation.length(reason, field: "reason", max: PrivacyRequestDecision.maxReason) }
        try connection.execute("""
            UPDATE \(R.table) SET status = \(status.rawValue), decided_at = \(now), decided_by = \(actor.agentID),
                reason = \(reason), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(request.id)
            """)
        try audit(.update, R.recordType, request.id, [
            FieldChange(field: "status", old: request.status.rawValue, new: status.rawValue),
            FieldChange(field: "decidedBy", old: nil, new: String(actor.agentID)),
            FieldChange(field: "decidedAt", old: nil, new: AuditText.date(now)),
        ] + (reason.map { [FieldChange(field: "reason", old: nil, new: $0)] } ?? []))
        guard let stored = try connection.queryFirst("""
            SELECT \(R.columns) FROM \(R.table) WHERE org_id = \(orgID) AND id = \(request.id)
            """).map(R.init(row:)) else { throw StoreError.notFound }
        return stored
    }
}
