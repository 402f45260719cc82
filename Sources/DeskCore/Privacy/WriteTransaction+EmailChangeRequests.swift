import Foundation
import MariaDB

extension WriteTransaction {
    /// Files the portal user's request to change their email to `newEmail` (trimmed, lowercased); audits a
    /// 'create' of the "emailChangeRequest".
    ///
    /// A portal user has at most one pending request: a second one is refused (not merged into the first)
    /// until an agent decides the pending one, so that what the agent approves is what the user asked for.
    ///
    /// - Throws: `StoreError.invalid(field: "newEmail", …)` for an empty, malformed or over-long address or
    ///   the user's current address; `StoreError.notFound` when the portal user is not this contact's;
    ///   `PrivacyRequestRefusal.pendingExists`; `PrivacyRequestRefusal.emailTaken` when another portal user
    ///   of the org signs in with it.
    public func requestEmailChange(contact: Int64, portalUser: Int64, newEmail: String) throws -> EmailChangeRequest {
        // Sign-in names are stored lowercased (as sign-up stores them).
        let email = newEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !email.isEmpty else { throw StoreError.invalid(field: "newEmail", reason: "must not be empty") }
        try Validation.length(email, field: "newEmail", max: 255)
        try Validation.email(email, field: "newEmail")
        guard let current = try lockedPortalUserEmail(portalUser, contact: contact) else { throw StoreError.notFound }
        guard current.lowercased() != email.lowercased() else {
            throw StoreError.invalid(field: "newEmail", reason: "is the current email address")
        }
        if let pending = try lockedPendingRequest(EmailChangeRequest.self, portalUser: portalUser) {
            throw PrivacyRequestRefusal.pendingExists(requestID: pending.id)
        }
        guard try !isPortalEmailTaken(email, except: portalUser) else { throw PrivacyRequestRefusal.emailTaken }
        let id = store.ids.next()
        do {
            try connection.execute("""
                INSERT INTO email_change_requests (org_id, id, contact_id, portal_user_id, old_email, new_email, status,
                                                   requested_at, updated_at, version)
                VALUES (\(orgID), \(id), \(contact), \(portalUser), \(current), \(email), 'pending', \(now), \(now), 1)
                """)
        } catch let error as MariaDBError where error.code == 1062 {
            throw PrivacyRequestRefusal.pendingExists(requestID: 0)   // a concurrent request won the race
        }
        try audit(.create, EmailChangeRequest.recordType, id, [
            FieldChange(field: "contactId", old: nil, new: String(contact)),
            FieldChange(field: "portalUserId", old: nil, new: String(portalUser)),
            FieldChange(field: "oldEmail", old: nil, new: current),
            FieldChange(field: "newEmail", old: nil, new: email),
            FieldChange(field: "status", old: nil, new: PrivacyRequestStatus.pending.rawValue),
        ])
        guard let stored = try store.emailChangeRequest(id, in: orgID) else { throw StoreError.notFound }
        return stored
    }

    /// Approves a pending email change: in this one write the contact's and the portal user's email become
    /// the new address (each audited as an 'update' of `email`), the request is marked approved (audited),
    /// and both the old and the new address are told through the outbox.
    ///
    /// - Throws: `StoreError.forbidden` without the privacy right `approveEmailChange`;
    ///   `StoreError.notFound`; `PrivacyRequestRefusal.alreadyDecided`; `PrivacyRequestRefusal.emailTaken`
    ///   when another portal user took the address meanwhile.
    public func approveEmailChange(_ id: Int64, reason: String? = nil) throws -> EmailChangeRequest {
        try requirePrivacyRight(.approveEmailChange)
        let request = try lockedPendingRequest(EmailChangeRequest.self, id)
        guard try !isPortalEmailTaken(request.newEmail, except: request.portalUserID) else {
            throw PrivacyRequestRefusal.emailTaken
        }
        let decided = try recordDecision(request, .approved, reason: reason)
        let previous = try lockedPortalUserEmail(request.portalUserID, contact: request.contactID) ?? request.oldEmail
        try setContactEmail(request.contactID, to: request.newEmail)
        let language = try setPortalUserEmail(request.portalUserID, to: request.newEmail)
        let notice = EmailChangeNotice(language: language)
        try enqueueEmail(to: previous, subject: notice.subject, body: notice.bodyForOldAddress(newEmail: request.newEmail))
        try enqueueEmail(to: request.newEmail, subject: notice.subject, body: notice.bodyForNewAddress())
        return decided
    }

    /// Rejects a pending email change, with an optional reason shown to the user; nothing else changes.
    ///
    /// - Throws: `StoreError.forbidden` without the privacy right `approveEmailChange`;
    ///   `StoreError.notFound`; `PrivacyRequestRefusal.alreadyDecided`; `StoreError.invalid(field: "reason", …)`.
    public func rejectEmailChange(_ id: Int64, reason: String?) throws -> EmailChangeRequest {
        try requirePrivacyRight(.approveEmailChange)
        let request = try lockedPendingRequest(EmailChangeRequest.self, id)
        return try recordDecision(request, .rejected, reason: reason)
    }

    /// Sets the contact's email (audited as an 'update' of the "contact"'s `email`), whether or not the
    /// contact is in the recycle bin.
    func setContactEmail(_ contact: Int64, to email: String) throws {
        guard let row = try connection.queryFirst("""
            SELECT email FROM contacts WHERE org_id = \(orgID) AND id = \(contact) FOR UPDATE
            """) else { return }
        let old: String? = try row.decode("email")
        guard old != email else { return }
        try connection.execute("""
            UPDATE contacts SET email = \(email), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(contact)
            """)
        try audit(.update, "contact", contact, [FieldChange(field: "email", old: old, new: email)])
    }
}
