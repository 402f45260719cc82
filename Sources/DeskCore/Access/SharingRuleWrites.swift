import MariaDB

extension WriteTransaction {
    /// Creates a sharing rule between two roles (the top role or live roles of the org); audits 'create' of
    /// the "sharingRule".
    ///
    /// - Throws: `StoreError.invalid(field:reason:)` — "module" for a module that is not shared,
    ///   "fromRoleId" / "toRoleId" for an unknown role, "toRoleId" for the same role twice or a rule that
    ///   exists already (same module and roles).
    public func createSharingRule(_ draft: SharingRuleDraft) throws -> SharingRule {
        guard AccessModule.shared.contains(draft.module) else {
            throw StoreError.invalid(field: "module", reason: "must be one of tickets, contacts, accounts")
        }
        let roles = try lockRoleTree()
        for (field, role) in [("fromRoleId", draft.fromRoleID), ("toRoleId", draft.toRoleID)]
        where role != Role.topRoleID && roles[role] == nil {
            throw StoreError.invalid(field: field, reason: "is not a role of this organization")
        }
        if draft.fromRoleID == draft.toRoleID {
            throw StoreError.invalid(field: "toRoleId", reason: "must differ from fromRoleId")
        }
        let existing = try connection.queryFirst("""
            SELECT id FROM sharing_rules
            WHERE org_id = \(orgID) AND module = \(draft.module.rawValue) AND from_role_id = \(draft.fromRoleID)
                AND to_role_id = \(draft.toRoleID)
            """)
        if existing != nil {
            throw StoreError.invalid(field: "toRoleId", reason: "a sharing rule between these roles exists already")
        }
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO sharing_rules (org_id, id, module, from_role_id, to_role_id, access, created_at, updated_at,
                                       version)
            VALUES (\(orgID), \(id), \(draft.module.rawValue), \(draft.fromRoleID), \(draft.toRoleID),
                    \(draft.access.rawValue), \(now), \(now), 1)
            """)
        guard let rule = try lockedSharingRule(id) else { throw StoreError.notFound }
        try audit(.create, "sharingRule", id, rule.auditValues.map { FieldChange(field: $0.field, old: nil, new: $0.value) })
        return rule
    }

    /// Deletes a sharing rule of the org; audits 'delete' with its fields.
    ///
    /// - Throws: `StoreError.notFound`.
    public func deleteSharingRule(_ id: Int64) throws {
        guard let rule = try lockedSharingRule(id) else { throw StoreError.notFound }
        try remove(rule)
    }

    /// Deletes the sharing rules from or to `role` (the role is being deleted), each audited.
    func deleteSharingRules(naming role: Int64) throws {
        let rules = try connection.query("""
            SELECT \(SharingRule.columns) FROM sharing_rules
            WHERE org_id = \(orgID) AND (from_role_id = \(role) OR to_role_id = \(role)) ORDER BY id FOR UPDATE
            """).compactMap(SharingRule.init(row:))
        for rule in rules { try remove(rule) }
    }

    private func remove(_ rule: SharingRule) throws {
        try connection.execute("""
            DELETE FROM sharing_rules WHERE org_id = \(orgID) AND id = \(rule.id)
            """)
        try audit(.delete, "sharingRule", rule.id, rule.auditValues.map { FieldChange(field: $0.field, old: $0.value, new: nil) })
    }

    private func lockedSharingRule(_ id: Int64) throws -> SharingRule? {
        try connection.queryFirst("""
            SELECT \(SharingRule.columns) FROM sharing_rules WHERE org_id = \(orgID) AND id = \(id) FOR UPDATE
            """).flatMap(SharingRule.init(row:))
    }
}
