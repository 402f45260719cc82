import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates an enabled department; audits 'create' with every set field.
    ///
    /// - Throws: `StoreError.invalid(field:reason:)` — "name" when empty, too long or used by another live
    ///   department of the org.
    public func createDepartment(_ draft: DepartmentDraft) throws -> Department {
        try createDepartment(draft, isDefault: false)
    }

    /// Creates a department, the default one when `isDefault` (onboarding).
    func createDepartment(_ draft: DepartmentDraft, isDefault: Bool) throws -> Department {
        try DepartmentFields.validate(name: draft.name, description: draft.description)
        try lockOrgForNaming()
        try requireUniqueDepartmentName(draft.name, except: nil)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO departments (org_id, id, name, description, is_enabled, is_default, created_at, updated_at,
                                     version)
            VALUES (\(orgID), \(id), \(draft.name), \(draft.description), 1, \(isDefault), \(now), \(now), 1)
            """)
        guard let department = try lockedDepartment(id) else { throw StoreError.notFound }
        let changes = DepartmentFields.values(of: department).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "department", id, changes)
        return department
    }

    /// Applies `changes` to a live department; only changed fields are written and audited ('update').
    ///
    /// - Throws: `StoreError.notFound`, `.versionMismatch(current:)`, `.invalid(field:reason:)`.
    public func updateDepartment(_ id: Int64, changes: DepartmentChanges, expectedVersion: Int64?) throws -> Department {
        if changes.name != nil { try lockOrgForNaming() }
        guard let current = try lockedDepartment(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let updated = Department(id: id, orgID: orgID, name: changes.name ?? current.name,
                                 description: changes.description ?? current.description,
                                 isEnabled: current.isEnabled, isDefault: current.isDefault,
                                 createdAt: current.createdAt, updatedAt: now, version: current.version + 1)
        try DepartmentFields.validate(name: updated.name, description: updated.description)
        if updated.name != current.name { try requireUniqueDepartmentName(updated.name, except: id) }
        return try save(updated, from: current)
    }

    /// Enables or disables a live department; audits 'update' of `isEnabled` when it changes.
    ///
    /// - Throws: `StoreError.notFound`; `.invalid(field: "isEnabled", …)` for disabling the default department.
    public func setDepartmentEnabled(_ id: Int64, _ enabled: Bool) throws -> Department {
        guard let current = try lockedDepartment(id) else { throw StoreError.notFound }
        if !enabled && current.isDefault {
            throw StoreError.invalid(field: "isEnabled", reason: "the default department cannot be disabled")
        }
        let updated = Department(id: id, orgID: orgID, name: current.name, description: current.description,
                                 isEnabled: enabled, isDefault: current.isDefault, createdAt: current.createdAt,
                                 updatedAt: now, version: current.version + 1)
        return try save(updated, from: current)
    }

    /// Associates live agents of the org with a live department (already associated ones are left as they
    /// are). Audits 'update' of the department's `associatedAgentIds` (old → new) and bumps its version when
    /// the set changes.
    ///
    /// - Throws: `StoreError.notFound` for the department; `.invalid(field: "agentIds", …)` when an id is not a
    ///   live agent of the org.
    public func associateAgents(_ agents: [Int64], withDepartment id: Int64) throws {
        try changeAssociations(of: id, agents: agents, add: true)
    }

    /// Removes live agents of the org from a live department (agents not in it are ignored); audited like
    /// ``associateAgents(_:withDepartment:)``.
    public func dissociateAgents(_ agents: [Int64], fromDepartment id: Int64) throws {
        try changeAssociations(of: id, agents: agents, add: false)
    }

    /// Locks each id as a live department of the org (shared lock, so it cannot be trashed meanwhile);
    /// `StoreError.invalid(field:…)` when one is not.
    func lockDepartments(_ ids: [Int64], field: String) throws {
        guard !ids.isEmpty else { return }
        let found = try connection.query("""
            SELECT id FROM departments WHERE org_id = \(orgID) AND id IN (\(list: ids)) AND deleted_at IS NULL
            LOCK IN SHARE MODE
            """)
        guard found.count == Set(ids).count else {
            throw StoreError.invalid(field: field, reason: "is not a department of this org")
        }
    }

    private func changeAssociations(of id: Int64, agents: [Int64], add: Bool) throws {
        guard try lockedDepartment(id) != nil else { throw StoreError.notFound }
        let unique = Array(Set(agents)).sorted()
        let live = try connection.query("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND id IN (\(list: unique)) AND deleted_at IS NULL
            LOCK IN SHARE MODE
            """)
        guard live.count == unique.count else {
            throw StoreError.invalid(field: "agentIds", reason: "is not an agent of this org")
        }
        let before = try associatedAgents(of: id)
        let after = add ? Array(Set(before).union(unique)).sorted() : before.filter { !unique.contains($0) }
        if before == after { return }
        if add {
            for agent in unique where !before.contains(agent) {
                try connection.execute("""
                    INSERT INTO department_agents (org_id, department_id, agent_id, created_at)
                    VALUES (\(orgID), \(id), \(agent), \(now))
                    """)
            }
        } else {
            try connection.execute("""
                DELETE FROM department_agents
                WHERE org_id = \(orgID) AND department_id = \(id) AND agent_id IN (\(list: unique))
                """)
        }
        try connection.execute("""
            UPDATE departments SET updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, "department", id, [FieldChange(field: "associatedAgentIds", old: AgentFields.idList(before),
                                                          new: AgentFields.idList(after))])
    }

    /// Writes and audits the fields that differ; nothing when none does.
    private func save(_ updated: Department, from current: Department) throws -> Department {
        let diff = zip(DepartmentFields.values(of: current), DepartmentFields.values(of: updated)).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: old.field, old: old.value, new: new.value)
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE departments SET name = \(updated.name), description = \(updated.description),
                is_enabled = \(updated.isEnabled), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(updated.id) AND deleted_at IS NULL
            """)
        try audit(.update, "department", updated.id, diff)
        guard let stored = try lockedDepartment(updated.id) else { throw StoreError.notFound }
        return stored
    }

    /// The live agents associated with the department, ascending.
    private func associatedAgents(of department: Int64) throws -> [Int64] {
        try connection.query("""
            SELECT da.agent_id FROM department_agents da
            JOIN agents a ON a.org_id = da.org_id AND a.id = da.agent_id AND a.deleted_at IS NULL
            WHERE da.org_id = \(orgID) AND da.department_id = \(department) ORDER BY da.agent_id
            """).map { try $0.decode("agent_id") }
    }

    /// Naming a department (create, rename) first locks the org's row, before any department row, so
    /// concurrent creates and renames in one org queue one after the other (rare writes) instead of
    /// deadlocking on the name's index gap.
    private func lockOrgForNaming() throws {
        _ = try connection.queryFirst("""
            SELECT id FROM orgs WHERE id = \(orgID) FOR UPDATE
            """)
    }

    /// No other live department of the org may have this name (case-insensitive, as the column's
    /// collation compares); call after ``lockOrgForNaming()``.
    private func requireUniqueDepartmentName(_ name: String, except id: Int64?) throws {
        let rows = try connection.query("""
            SELECT id FROM departments WHERE org_id = \(orgID) AND name = \(name) AND deleted_at IS NULL FOR UPDATE
            """)
        let others = try rows.map { try $0.decode("id", as: Int64.self) }.filter { $0 != id }
        guard others.isEmpty else {
            throw StoreError.invalid(field: "name", reason: "another department of this org has this name")
        }
    }

    /// The live department, locked for the rest of the transaction.
    private func lockedDepartment(_ id: Int64) throws -> Department? {
        try connection.queryFirst("""
            SELECT \(Department.columns) FROM departments
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(Department.init(row:))
    }
}
