import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates a role below `draft.reportsTo` (the top role or a live role); audits 'create' of the "role".
    ///
    /// - Throws: `StoreError.invalid(field:reason:)` — "name", "description", "reportsTo" (not a role of the org).
    public func createRole(_ draft: RoleDraft) throws -> Role {
        try Self.validateRole(name: draft.name, description: draft.description)
        let roles = try lockRoleTree()
        guard draft.reportsTo == Role.topRoleID || roles[draft.reportsTo] != nil else {
            throw StoreError.invalid(field: "reportsTo", reason: "is not a role of this organization")
        }
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO roles (org_id, id, name, description, reports_to, share_data_with_peers, created_at,
                               updated_at, version)
            VALUES (\(orgID), \(id), \(draft.name), \(draft.description), \(draft.reportsTo),
                    \(draft.shareDataWithPeers), \(now), \(now), 1)
            """)
        guard let role = try lockedRole(id) else { throw StoreError.notFound }
        try audit(.create, "role", id, Self.auditValues(of: role).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        })
        return role
    }

    /// Applies `changes` to a live role; only changed fields are written and audited ('update').
    ///
    /// - Throws: `AccessSettingRefusal.topRole`; `StoreError.notFound`, `.versionMismatch(current:)`,
    ///   `.invalid(field:reason:)` — "reportsTo" for an unknown role, the role itself or a role below it.
    public func updateRole(_ id: Int64, changes: RoleChanges, expectedVersion: Int64?) throws -> Role {
        if id == Role.topRoleID { throw AccessSettingRefusal.topRole }
        let roles = try lockRoleTree()
        guard let current = roles[id] else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let updated = Role(id: id, name: changes.name ?? current.name,
                           description: changes.description ?? current.description,
                           reportsTo: changes.reportsTo ?? current.reportsTo,
                           shareDataWithPeers: changes.shareDataWithPeers ?? current.shareDataWithPeers,
                           createdAt: current.createdAt, updatedAt: now, version: current.version + 1)
        try Self.validateRole(name: updated.name, description: updated.description)
        if let parent = changes.reportsTo, parent != current.reportsTo {
            guard parent == Role.topRoleID || roles[parent] != nil else {
                throw StoreError.invalid(field: "reportsTo", reason: "is not a role of this organization")
            }
            if RoleTree(Array(roles.values)).subtree(id).contains(parent) {
                throw StoreError.invalid(field: "reportsTo", reason: "a role cannot report to itself or to a role below it")
            }
        }
        let diff = zip(Self.auditValues(of: current), Self.auditValues(of: updated)).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: old.field, old: old.value, new: new.value)
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE roles SET name = \(updated.name), description = \(updated.description),
                reports_to = \(updated.reportsTo ?? Role.topRoleID), share_data_with_peers = \(updated.shareDataWithPeers),
                updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, "role", id, diff)
        guard let stored = try lockedRole(id) else { throw StoreError.notFound }
        return stored
    }

    /// Deletes a live role (it keeps its row, marked deleted). Its agents (those in the recycle bin too) and
    /// the roles reporting to it move to `transferTo` (default: its parent), each audited ('update' of the
    /// agent's `roleId`, the role's `reportsTo`); the sharing rules naming it are deleted ('delete' of each
    /// "sharingRule"); the role's 'delete' is audited.
    ///
    /// - Throws: `AccessSettingRefusal.topRole`; `StoreError.notFound`; `.invalid(field: "transferToRoleId", …)`
    ///   for an unknown role, the role itself or a role below it.
    public func deleteRole(_ id: Int64, transferTo: Int64?) throws {
        if id == Role.topRoleID { throw AccessSettingRefusal.topRole }
        let roles = try lockRoleTree()
        guard let current = roles[id] else { throw StoreError.notFound }
        let target = transferTo ?? current.reportsTo ?? Role.topRoleID
        guard target == Role.topRoleID || roles[target] != nil else {
            throw StoreError.invalid(field: "transferToRoleId", reason: "is not a role of this organization")
        }
        if RoleTree(Array(roles.values)).subtree(id).contains(target) {
            throw StoreError.invalid(field: "transferToRoleId",
                                     reason: "the role's agents cannot move to the role itself or a role below it")
        }
        for child in roles.values.filter({ $0.reportsTo == id }).sorted(by: { $0.id < $1.id }) {
            try connection.execute("""
                UPDATE roles SET reports_to = \(target), updated_at = \(now), version = version + 1
                WHERE org_id = \(orgID) AND id = \(child.id)
                """)
            try audit(.update, "role", child.id, [FieldChange(field: "reportsTo", old: String(id), new: String(target))])
        }
        try moveAgents(fromRole: id, to: target)
        try deleteSharingRules(naming: id)
        try connection.execute("""
            UPDATE roles SET deleted_at = \(now), deleted_by = \(actor.agentID), updated_at = \(now),
                version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.delete, "role", id, [FieldChange(field: "name", old: current.name, new: nil)])
    }

    /// Moves every agent of `role` (trashed ones too) to `target`, auditing each agent's `roleId`.
    private func moveAgents(fromRole role: Int64, to target: Int64) throws {
        let agents = try connection.query("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND role_id = \(role) ORDER BY id FOR UPDATE
            """).map { try $0.decode("id", as: Int64.self) }
        guard !agents.isEmpty else { return }
        try connection.execute("""
            UPDATE agents SET role_id = \(target), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id IN (\(list: agents))
            """)
        for agent in agents {
            try audit(.update, "agent", agent, [FieldChange(field: "roleId", old: String(role), new: String(target))])
        }
    }

    /// Locks the org's row (every change of the role tree queues behind it, so no two can make a cycle
    /// together) and returns its live roles by id.
    func lockRoleTree() throws -> [Int64: Role] {
        _ = try connection.queryFirst("""
            SELECT id FROM orgs WHERE id = \(orgID) FOR UPDATE
            """)
        let roles = try connection.query("""
            SELECT \(Role.columns) FROM roles WHERE org_id = \(orgID) AND deleted_at IS NULL FOR UPDATE
            """).map(Role.init(row:))
        return Dictionary(uniqueKeysWithValues: roles.map { ($0.id, $0) })
    }

    private static func validateRole(name: String, description: String?) throws {
        try Validation.text(name, field: "name", max: Role.maxName)
        if let description { try Validation.length(description, field: "description", max: Role.maxDescription) }
    }

    private static func auditValues(of role: Role) -> [(field: String, value: String?)] {
        [("name", role.name), ("description", role.description), ("reportsTo", role.reportsTo.map(String.init)),
         ("shareDataWithPeers", role.shareDataWithPeers ? "true" : "false")]
    }

    private func lockedRole(_ id: Int64) throws -> Role? {
        try connection.queryFirst("""
            SELECT \(Role.columns) FROM roles WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(Role.init(row:))
    }
}

extension Role {
    /// The most characters of a role's name.
    public static let maxName = 100
    /// The most characters of a role's description.
    public static let maxDescription = 1_000
}
