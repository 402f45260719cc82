import Foundation
import MariaDB

extension WriteTransaction {
    /// Signs an end user up: a new portal user linked to the org's live contact with this email when there
    /// is one not yet linked to an account, else to a new contact (name as last name, email). Audited:
    /// 'create' of the portal user (and of the contact when one is created). Run it with the system actor
    /// (``Actor/system(_:requestID:)``): nobody is signed in yet.
    ///
    /// When the email is already registered in the org nothing is written and `.alreadyRegistered` is
    /// returned: the caller must answer the same as for a new sign-up (no account enumeration).
    ///
    /// - Throws: `StoreError.invalid` for the name ("name") or email ("email").
    public func signUpEndUser(_ signUp: PortalSignUp) throws -> SignUpOutcome {
        let email = PortalUser.normalize(email: signUp.email)
        try Validation.email(email, field: "email")
        try Validation.length(email, field: "email", max: 255)
        let name = signUp.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try Validation.text(name, field: "name", max: 100)
        if let language = signUp.language, !PortalUser.languages.contains(language) {
            throw StoreError.invalid(field: "language", reason: "must be one of en, ja")
        }
        if let existing = try lockedPortalUser(email: email) { return .alreadyRegistered(existing) }

        let contactID: Int64
        let linked: Bool
        if let row = try connection.queryFirst("""
            SELECT c.id FROM contacts c
            WHERE c.org_id = \(orgID) AND c.email = \(email) AND c.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM portal_users p WHERE p.org_id = c.org_id AND p.contact_id = c.id)
            ORDER BY c.created_at, c.id LIMIT 1 FOR UPDATE
            """) {
            contactID = try row.decode("id")
            linked = true
        } else {
            contactID = try createContact(ContactDraft(lastName: name, email: email)).id
            linked = false
        }
        let id = store.ids.next()
        do {
            try connection.execute("""
                INSERT INTO portal_users (org_id, id, contact_id, email, password_hash, email_verified_at, language,
                                          time_zone, created_at, updated_at, version)
                VALUES (\(orgID), \(id), \(contactID), \(email), \(signUp.passwordHash), NULL, \(signUp.language), NULL,
                        \(now), \(now), 1)
                """)
        } catch let error as MariaDBError where error.code == 1062 {
            throw StoreError.conflict("email")   // a concurrent sign-up took the email
        }
        var changes = [FieldChange(field: "contactId", old: nil, new: String(contactID)),
                       FieldChange(field: "email", old: nil, new: email)]
        if let language = signUp.language { changes.append(FieldChange(field: "language", old: nil, new: language)) }
        try audit(.create, PortalUser.recordType, id, changes)
        guard let user = try lockedPortalUser(id: id) else { throw StoreError.notFound }
        return .created(user, linkedExistingContact: linked)
    }

    /// A one-time token for `user` (verification or reset link), valid `lifetimeSeconds`; earlier unused
    /// tokens of the same purpose stop working. Returns the token text for the email; only its hash is
    /// stored.
    public func createPortalToken(for user: PortalUser, purpose: PortalTokenPurpose, lifetimeSeconds: Int) throws -> String {
        try connection.execute("""
            UPDATE portal_tokens SET used_at = \(now)
            WHERE org_id = \(orgID) AND portal_user_id = \(user.id) AND purpose = \(purpose.rawValue) AND used_at IS NULL
            """)
        let secret = try PortalSecret.generate()
        try connection.execute("""
            INSERT INTO portal_tokens (token_hash, org_id, portal_user_id, purpose, created_at, expires_at, used_at)
            VALUES (\(secret.hash), \(orgID), \(user.id), \(purpose.rawValue), \(now),
                    \(now.addingTimeInterval(Double(lifetimeSeconds))), NULL)
            """)
        return secret.text
    }

    /// Confirms the email of the token's user and spends the token. Audited ('update', emailVerified).
    /// Returns the user, or nil — writing nothing — for a malformed, unknown, used or expired token.
    public func verifyPortalEmail(token: String) throws -> PortalUser? {
        guard let user = try consumePortalToken(token, purpose: .verify) else { return nil }
        guard user.emailVerifiedAt == nil else { return user }
        try connection.execute("""
            UPDATE portal_users SET email_verified_at = \(now), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(user.id)
            """)
        try audit(.update, PortalUser.recordType, user.id, [FieldChange(field: "emailVerified", old: "false", new: "true")])
        return try lockedPortalUser(id: user.id)
    }

    /// Sets a new password for the token's user, spends the token, ends every session of the user and
    /// confirms the email (the link reached its inbox). Audited ('update', password shown as `****`).
    /// Returns the user, or nil — writing nothing — for a malformed, unknown, used or expired token.
    public func resetPortalPassword(token: String, newPasswordHash: String) throws -> PortalUser? {
        guard let user = try consumePortalToken(token, purpose: .reset) else { return nil }
        try connection.execute("""
            UPDATE portal_users SET password_hash = \(newPasswordHash),
                   email_verified_at = COALESCE(email_verified_at, \(now)), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(user.id)
            """)
        try revokePortalSessions(userID: user.id)
        var changes = [FieldChange(field: "password", old: "****", new: "****")]
        if user.emailVerifiedAt == nil { changes.append(FieldChange(field: "emailVerified", old: "false", new: "true")) }
        try audit(.update, PortalUser.recordType, user.id, changes)
        return try lockedPortalUser(id: user.id)
    }

    /// Changes a portal user's language (`en`, `ja`) and/or time zone (IANA name); `.some(nil)` clears a
    /// value, nil leaves it. Audited ('update') when something changes.
    ///
    /// - Throws: `StoreError.notFound`; `StoreError.invalid` for "language" or "timeZone".
    @discardableResult
    public func updatePortalUserPreferences(_ userID: Int64, language: String?? = nil, timeZone: String?? = nil) throws -> PortalUser {
        guard let user = try lockedPortalUser(id: userID) else { throw StoreError.notFound }
        var changes: [FieldChange] = []
        var newLanguage = user.language
        var newTimeZone = user.timeZone
        if let language {
            if let value = language, !PortalUser.languages.contains(value) {
                throw StoreError.invalid(field: "language", reason: "must be one of en, ja")
            }
            newLanguage = language
        }
        if let timeZone {
            if let value = timeZone, value.utf8.count > 64 || TimeZone(identifier: value) == nil {
                throw StoreError.invalid(field: "timeZone", reason: "is not a known time zone")
            }
            newTimeZone = timeZone
        }
        if newLanguage != user.language { changes.append(FieldChange(field: "language", old: user.language, new: newLanguage)) }
        if newTimeZone != user.timeZone { changes.append(FieldChange(field: "timeZone", old: user.timeZone, new: newTimeZone)) }
        guard !changes.isEmpty else { return user }
        try connection.execute("""
            UPDATE portal_users SET language = \(newLanguage), time_zone = \(newTimeZone), updated_at = \(now),
                   version = version + 1
            WHERE org_id = \(orgID) AND id = \(userID)
            """)
        try audit(.update, PortalUser.recordType, userID, changes)
        return try lockedPortalUser(id: userID) ?? user
    }

    /// Ends every session of a portal user of the org (not audited: sessions are not records).
    public func revokePortalSessions(userID: Int64) throws {
        try connection.execute("""
            UPDATE portal_sessions SET revoked_at = \(now)
            WHERE org_id = \(orgID) AND portal_user_id = \(userID) AND revoked_at IS NULL
            """)
    }

    /// The live portal user of the org with this id, locked until the write ends.
    public func lockedPortalUser(id: Int64) throws -> PortalUser? {
        try connection.queryFirst("""
            SELECT \(PortalUser.columns) FROM portal_users WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            FOR UPDATE
            """).map(PortalUser.init(row:))
    }

    func lockedPortalUser(email: String) throws -> PortalUser? {
        try connection.queryFirst("""
            SELECT \(PortalUser.columns) FROM portal_users
            WHERE org_id = \(orgID) AND email = \(email) AND deleted_at IS NULL FOR UPDATE
            """).map(PortalUser.init(row:))
    }

    /// Spends a live token of `purpose` for a live user of this org; nil when there is none.
    private func consumePortalToken(_ token: String, purpose: PortalTokenPurpose) throws -> PortalUser? {
        guard let hash = PortalSecret.hash(of: token) else { return nil }
        guard let row = try connection.queryFirst("""
            SELECT portal_user_id FROM portal_tokens
            WHERE token_hash = \(hash) AND org_id = \(orgID) AND purpose = \(purpose.rawValue) AND used_at IS NULL
              AND expires_at > \(now)
            FOR UPDATE
            """) else { return nil }
        guard let user = try lockedPortalUser(id: try row.decode("portal_user_id")) else { return nil }
        try connection.execute("""
            UPDATE portal_tokens SET used_at = \(now) WHERE org_id = \(orgID) AND token_hash = \(hash)
            """)
        return user
    }
}
