import MariaDB

extension WriteTransaction {
    /// Files the portal user's request to have their account and personal data erased; audits a 'create' of
    /// the "erasureRequest". At most one is pending per portal user.
    ///
    /// - Throws: `StoreError.notFound` when the portal user is not this contact's;
    ///   `PrivacyRequestRefusal.pendingExists`.
    public func requestErasure(contact: Int64, portalUser: Int64) throws -> ErasureRequest {
        guard try lockedPortalUserEmail(portalUser, contact: contact) != nil else { throw StoreError.notFound }
        if let pending = try lockedPendingRequest(ErasureRequest.self, portalUser: portalUser) {
            throw PrivacyRequestRefusal.pendingExists(requestID: pending.id)
        }
        let id = store.ids.next()
        do {
            try connection.execute("""
                INSERT INTO erasure_requests (org_id, id, contact_id, portal_user_id, status, requested_at, updated_at,
                                              version)
                VALUES (\(orgID), \(id), \(contact), \(portalUser), 'pending', \(now), \(now), 1)
                """)
        } catch let error as MariaDBError where error.code == 1062 {
            throw PrivacyRequestRefusal.pendingExists(requestID: 0)   // a concurrent request won the race
        }
        try audit(.create, ErasureRequest.recordType, id, [
            FieldChange(field: "contactId", old: nil, new: String(contact)),
            FieldChange(field: "portalUserId", old: nil, new: String(portalUser)),
            FieldChange(field: "status", old: nil, new: PrivacyRequestStatus.pending.rawValue),
        ])
        guard let stored = try store.erasureRequest(id, in: orgID) else { throw StoreError.notFound }
        return stored
    }

    /// Approves a pending erasure request. Only the decision is recorded (audited); erasing the data is a
    /// later job's work.
    ///
    /// - Throws: `StoreError.forbidden` without the privacy right `anonymize`; `StoreError.notFound`;
    ///   `PrivacyRequestRefusal.alreadyDecided`; `StoreError.invalid(field: "reason", …)`.
    public func approveErasure(_ id: Int64, reason: String? = nil) throws -> ErasureRequest {
        try decideErasure(id, .approved, reason: reason)
    }

    /// Rejects a pending erasure request, with an optional reason shown to the user.
    public func rejectErasure(_ id: Int64, reason: String?) throws -> ErasureRequest {
        try decideErasure(id, .rejected, reason: reason)
    }

    private func decideErasure(_ id: Int64, _ status: PrivacyRequestStatus, reason: String?) throws -> ErasureRequest {
        try requirePrivacyRight(.anonymize)
        let request = try lockedPendingRequest(ErasureRequest.self, id)
        return try recordDecision(request, status, reason: reason)
    }
}
