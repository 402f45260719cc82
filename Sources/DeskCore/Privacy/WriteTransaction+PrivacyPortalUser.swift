import MariaDB

extension WriteTransaction {
    /// The portal user's email, the row locked for the rest of the write; nil unless it is a portal user of
    /// this org belonging to `contact`.
    func lockedPortalUserEmail(_ portalUser: Int64, contact: Int64) throws -> String? {
        try connection.queryFirst("""
            SELECT email FROM portal_users
            WHERE org_id = \(orgID) AND id = \(portalUser) AND contact_id = \(contact) AND deleted_at IS NULL
            FOR UPDATE
            """)?.decode("email")
    }

    /// Whether another portal user of the org (one in the recycle bin too: it keeps its address) signs in
    /// with `email` (compared as the column's collation compares: case-insensitively).
    func isPortalEmailTaken(_ email: String, except portalUser: Int64) throws -> Bool {
        try connection.queryFirst("""
            SELECT id FROM portal_users WHERE org_id = \(orgID) AND email = \(email) AND id <> \(portalUser)
            LOCK IN SHARE MODE
            """) != nil
    }

    /// Sets the portal user's sign-in email (audited as an 'update' of the "portaluser"'s `email`) and
    /// returns the user's language for the notices ("en" when unset).
    func setPortalUserEmail(_ portalUser: Int64, to email: String) throws -> String {
        guard let row = try connection.queryFirst("""
            SELECT email, language FROM portal_users WHERE org_id = \(orgID) AND id = \(portalUser) FOR UPDATE
            """) else { throw StoreError.notFound }
        let old: String = try row.decode("email")
        try connection.execute("""
            UPDATE portal_users SET email = \(email), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(portalUser)
            """)
        try audit(.update, PortalUser.recordType, portalUser, [FieldChange(field: "email", old: old, new: email)])
        let language: String? = try row.decode("language")
        return language ?? "en"
    }
}
