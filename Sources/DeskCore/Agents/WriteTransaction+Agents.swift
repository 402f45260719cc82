import Foundation
import MariaDB

extension WriteTransaction {
    /// Adds an agent (active) with its departments; audits 'create' with every set field.
    ///
    /// - Throws: `StoreError.invalid(field:reason:)`: "emailId" for a bad or taken address (agents in the
    ///   recycle bin keep theirs), "associatedDepartmentIds" for an id that is not a live department of the org,
    ///   and the profile fields' checks.
    public func createAgent(_ draft: AgentDraft) throws -> Agent {
        try Validation.email(draft.email, field: "emailId")
        try AgentFields.validate(firstName: draft.firstName, lastName: draft.lastName, phone: draft.phone,
                                 mobile: draft.mobile, langCode: draft.langCode, timeZone: draft.timeZone)
        try requireProfile(draft.profileID)
        try requireRole(draft.roleID)
        let departments = Array(Set(draft.departmentIDs)).sorted()
        try lockDepartments(departments, field: "associatedDepartmentIds")
        let taken = try connection.queryFirst("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND email = \(draft.email) FOR UPDATE
            """)
        if taken != nil { throw Self.emailTaken }
        let id = store.ids.next()
        do {
            try connection.execute("""
                INSERT INTO agents (org_id, id, email, first_name, last_name, profile_id, role_id, is_active, phone, mobile, lang_code,
                                    time_zone, created_at, updated_at, version)
                VALUES (\(orgID), \(id), \(draft.email), \(draft.firstName), \(draft.lastName), \(draft.profileID), \(draft.roleID),
                        1, \(draft.phone), \(draft.mobile), \(draft.langCode), \(draft.timeZone), \(now), \(now), 1)
                """)
        } catch let error as MariaDBError where error.code == 1062 {
            throw Self.emailTaken   // a concurrent create took the address
        }
        try insertAssociations(agent: id, departments: departments)
        guard let agent = try lockedAgent(id) else { throw StoreError.notFound }
        let changes = AgentFields.values(of: agent, departments: departments).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "agent", id, changes)
        return agent
    }

    /// Applies `changes` to a live agent. Only fields whose value changes are written and audited
    /// ('update', old → new, departments as one `associatedDepartmentIds` field); when nothing changes,
    /// nothing is written and the version stays.
    ///
    /// - Throws: `StoreError.notFound`, `.versionMismatch(current:)`, `.invalid(field:reason:)` — "profileId" when
    ///   the change would leave the org without an active administrator or names no profile, "roleId" for
    ///   an unknown role.
    public func updateAgent(_ id: Int64, changes: AgentChanges, expectedVersion: Int64?) throws -> Agent {
        // A demotion locks the org's active administrators before the agent itself, so that concurrent
        // demotions queue in one order instead of deadlocking.
        var administrators: [Int64]?
        if let profile = changes.profileID, profile != BuiltInProfile.administrator.rawValue {
            administrators = try lockActiveAdministrators()
        }
        if let profile = changes.profileID { try requireProfile(profile) }
        if let role = changes.roleID { try requireRole(role) }
        guard let current = try lockedAgent(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let updated = Agent(
            id: current.id, orgID: current.orgID, email: current.email,
            firstName: changes.firstName ?? current.firstName, lastName: changes.lastName ?? current.lastName,
            profileID: changes.profileID ?? current.profileID, roleID: changes.roleID ?? current.roleID, isActive: current.isActive, phone: changes.phone ?? current.phone,
            mobile: changes.mobile ?? current.mobile, langCode: changes.langCode ?? current.langCode,
            timeZone: changes.timeZone ?? current.timeZone, createdAt: current.createdAt, updatedAt: now,
            version: current.version + 1)
        try AgentFields.validate(firstName: updated.firstName, lastName: updated.lastName, phone: updated.phone,
                                 mobile: updated.mobile, langCode: updated.langCode, timeZone: updated.timeZone)
        let oldDepartments = try associatedDepartments(of: id)
        let newDepartments = changes.departmentIDs.map { Array(Set($0)).sorted() } ?? oldDepartments
        if newDepartments != oldDepartments {
            try lockDepartments(newDepartments.filter { !oldDepartments.contains($0) }, field: "associatedDepartmentIds")
        }
        if current.isAdministrator && !updated.isAdministrator && current.isActive,
           administrators?.contains(where: { $0 != id }) != true {
            throw StoreError.invalid(field: "profileId", reason: "the org's last active administrator cannot be demoted")
        }
        let diff = zip(AgentFields.values(of: current, departments: oldDepartments),
                       AgentFields.values(of: updated, departments: newDepartments)).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: old.field, old: old.value, new: new.value)
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE agents SET first_name = \(updated.firstName), last_name = \(updated.lastName),
                profile_id = \(updated.profileID), role_id = \(updated.roleID), phone = \(updated.phone), mobile = \(updated.mobile),
                lang_code = \(updated.langCode), time_zone = \(updated.timeZone),
                updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        if newDepartments != oldDepartments {
            try connection.execute("""
                DELETE FROM department_agents WHERE org_id = \(orgID) AND agent_id = \(id)
                """)
            try insertAssociations(agent: id, departments: newDepartments)
        }
        try audit(.update, "agent", id, diff)
        guard let stored = try lockedAgent(id) else { throw StoreError.notFound }
        return stored
    }

    /// Activates or deactivates a live agent; audits 'update' of `status` when it changes (nothing is
    /// written when it already has that status). A deactivated agent's access tokens stop authenticating.
    ///
    /// - Throws: `StoreError.notFound`; `.invalid(field: "status", …)` for the org's last active administrator.
    public func setAgentActive(_ id: Int64, _ active: Bool) throws -> Agent {
        // As in a demotion: the administrators first, then the agent.
        let administrators = active ? nil : try lockActiveAdministrators()
        guard let current = try lockedAgent(id) else { throw StoreError.notFound }
        if current.isActive == active { return current }
        if !active && current.isAdministrator, administrators?.contains(where: { $0 != id }) != true {
            throw StoreError.invalid(field: "status", reason: "the org's last active administrator cannot be deactivated")
        }
        try connection.execute("""
            UPDATE agents SET is_active = \(active), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        let new: AgentStatus = active ? .active : .disabled
        try audit(.update, "agent", id, [FieldChange(field: "status", old: current.status.rawValue, new: new.rawValue)])
        guard let stored = try lockedAgent(id) else { throw StoreError.notFound }
        return stored
    }

    /// The live agent, locked for the rest of the transaction.
    func lockedAgent(_ id: Int64) throws -> Agent? {
        try connection.queryFirst("""
            SELECT \(Agent.columns) FROM agents
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(Agent.init(row:))
    }

    /// The live departments the agent is associated with, ascending.
    private func associatedDepartments(of agent: Int64) throws -> [Int64] {
        try connection.query("""
            SELECT da.department_id FROM department_agents da
            JOIN departments d ON d.org_id = da.org_id AND d.id = da.department_id AND d.deleted_at IS NULL
            WHERE da.org_id = \(orgID) AND da.agent_id = \(agent) ORDER BY da.department_id
            """).map { try $0.decode("department_id") }
    }

    private func insertAssociations(agent: Int64, departments: [Int64]) throws {
        for department in departments {
            try connection.execute("""
                INSERT IGNORE INTO department_agents (org_id, department_id, agent_id, created_at)
                VALUES (\(orgID), \(department), \(agent), \(now))
                """)
        }
    }

    /// Locks the org's active administrators (in id order, the same order for every caller) and returns
    /// their ids: while this transaction runs, no other one can demote or deactivate one of them.
    private func lockActiveAdministrators() throws -> [Int64] {
        try connection.query("""
            SELECT id FROM agents
            WHERE org_id = \(orgID) AND profile_id = \(BuiltInProfile.administrator.rawValue) AND is_active = 1
                AND deleted_at IS NULL
            ORDER BY id FOR UPDATE
            """).map { try $0.decode("id") }
    }

    /// Refuses a profile id that is neither built in nor a live custom profile of the org.
    private func requireProfile(_ id: Int64) throws {
        if BuiltInProfile(rawValue: id) != nil { return }
        let found = try connection.queryFirst("""
            SELECT id FROM profiles WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        if found == nil { throw StoreError.invalid(field: "profileId", reason: "is not a profile of this organization") }
    }

    /// Refuses a role id that is neither the top role nor a live role of the org.
    private func requireRole(_ id: Int64) throws {
        if id == Role.topRoleID { return }
        let found = try connection.queryFirst("""
            SELECT id FROM roles WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        if found == nil { throw StoreError.invalid(field: "roleId", reason: "is not a role of this organization") }
    }

    private static let emailTaken = StoreError.invalid(field: "emailId",
                                                       reason: "another agent of this org has this email address")
}
