import MariaDB

extension Store {
    /// What `agent` may do in `org` (see ``AgentAccess``); nil when the agent is unknown, deleted or
    /// inactive. Cached per worker thread for a few seconds (``AccessCache``).
    public func access(org: Int64, agent: Int64) throws -> AgentAccess? {
        let cache = AccessCache.shared
        let (cached, generation) = cache.lookup(org: org, agent: agent)
        if let cached { return cached }
        guard let access = try resolveAccess(org: org, agent: agent) else { return nil }
        cache.store(access, org: org, agent: agent, generation: generation)
        return access
    }

    /// Reads everything ``access(org:agent:)`` needs from the database (a handful of small queries).
    func resolveAccess(org: Int64, agent: Int64) throws -> AgentAccess? {
        guard let me = try connection.queryFirst("""
            SELECT profile_id, role_id FROM agents
            WHERE org_id = \(org) AND id = \(agent) AND deleted_at IS NULL AND is_active = 1
            """) else { return nil }
        let profileID: Int64 = try me.decode("profile_id")
        let roleID: Int64 = try me.decode("role_id")
        let permissions = try profilePermissions(org: org, profile: profileID)
        let isAdministrator = profileID == BuiltInProfile.administrator.rawValue
        if isAdministrator {
            return AgentAccess(profileID: profileID, roleID: roleID, permissions: permissions, isAdministrator: true,
                               visibility: AgentAccess.everything.visibility, fields: [:])
        }
        let reach = try SharingReach.load(org: org, agent: agent, role: roleID, connection: connection)
        var visibility: [AccessModule: RecordVisibility] = [:]
        for module in AccessModule.shared {
            visibility[module] = reach.visibility(of: module)
        }
        return AgentAccess(profileID: profileID, roleID: roleID, permissions: permissions, isAdministrator: false,
                           visibility: visibility, fields: try fieldSettings(org: org, profile: profileID))
    }

    /// The rights of a built-in or custom profile (nothing for an unknown or deleted profile).
    func profilePermissions(org: Int64, profile: Int64) throws -> ProfilePermissions {
        if let builtIn = BuiltInProfile(rawValue: profile) { return builtIn.permissions }
        guard let row = try connection.queryFirst("""
            SELECT permissions FROM profiles WHERE org_id = \(org) AND id = \(profile) AND deleted_at IS NULL
            """) else { return ProfilePermissions(modules: [:], privacy: []) }
        return try ProfilePermissions(storedText: row.decode("permissions"))
    }

    /// The profile's field settings that are not `readWrite`, per module.
    func fieldSettings(org: Int64, profile: Int64) throws -> [AccessModule: [String: FieldAccess]] {
        var settings: [AccessModule: [String: FieldAccess]] = [:]
        for row in try connection.query("""
            SELECT module, field, access FROM field_permissions WHERE org_id = \(org) AND profile_id = \(profile)
            """) {
            guard let module = AccessModule(rawValue: try row.decode("module")),
                  let access = FieldAccess(rawValue: try row.decode("access")), access != .readWrite else { continue }
            settings[module, default: [:]][try row.decode("field", as: String.self)] = access
        }
        return settings
    }
}

/// The facts sharing depends on, for one non-administrator agent: its role's place in the tree, the
/// agents of each role, its departments and their agents, the org's settings and rules.
struct SharingReach {
    let agent: Int64
    let role: Int64
    let tree: RoleTree
    let peersShare: Bool
    let agentsByRole: [Int64: Set<Int64>]
    let myDepartments: Set<Int64>
    let departmentColleagues: Set<Int64>
    let settings: [AccessModule: DataSharing]
    let rules: [(module: AccessModule, from: Int64, to: Int64, access: SharingRuleAccess)]

    static func load(org: Int64, agent: Int64, role: Int64, connection: Connection) throws -> SharingReach {
        let roles = try connection.query("""
            SELECT \(Role.columns) FROM roles WHERE org_id = \(org) AND deleted_at IS NULL
            """).map(Role.init(row:))
        var agentsByRole: [Int64: Set<Int64>] = [:]
        for row in try connection.query("""
            SELECT id, role_id FROM agents WHERE org_id = \(org) AND deleted_at IS NULL
            """) {
            agentsByRole[try row.decode("role_id"), default: []].insert(try row.decode("id"))
        }
        let myDepartments = Set(try connection.query("""
            SELECT department_id FROM department_agents WHERE org_id = \(org) AND agent_id = \(agent)
            """).map { try $0.decode("department_id", as: Int64.self) })
        var colleagues: Set<Int64> = []
        if !myDepartments.isEmpty {
            colleagues = Set(try connection.query("""
                SELECT DISTINCT agent_id FROM department_agents
                WHERE org_id = \(org) AND department_id IN (\(list: myDepartments.sorted()))
                """).map { try $0.decode("agent_id", as: Int64.self) })
        }
        var settings: [AccessModule: DataSharing] = [:]
        for row in try connection.query("""
            SELECT module, access FROM data_sharing WHERE org_id = \(org)
            """) {
            if let module = AccessModule(rawValue: try row.decode("module")),
               let access = DataSharing(rawValue: try row.decode("access")) {
                settings[module] = access
            }
        }
        var rules: [(module: AccessModule, from: Int64, to: Int64, access: SharingRuleAccess)] = []
        for row in try connection.query("""
            SELECT module, from_role_id, to_role_id, access FROM sharing_rules WHERE org_id = \(org)
            """) {
            if let module = AccessModule(rawValue: try row.decode("module")),
               let access = SharingRuleAccess(rawValue: try row.decode("access")) {
                rules.append((module, try row.decode("from_role_id"), try row.decode("to_role_id"), access))
            }
        }
        return SharingReach(agent: agent, role: role, tree: RoleTree(roles),
                            peersShare: roles.first { $0.id == role }?.shareDataWithPeers ?? false,
                            agentsByRole: agentsByRole, myDepartments: myDepartments,
                            departmentColleagues: colleagues, settings: settings, rules: rules)
    }

    /// The agents of the given roles.
    private func agents(in roles: Set<Int64>) -> Set<Int64> {
        roles.reduce(into: Set<Int64>()) { $0.formUnion(agentsByRole[$1] ?? []) }
    }

    /// The reach of one shared module for this agent.
    func visibility(of module: AccessModule) -> RecordVisibility {
        let setting = settings[module] ?? .private
        // Own records and those of agents below: always readable and editable.
        var owners: Set<Int64> = [agent]
        owners.formUnion(agents(in: tree.below(role)))
        if peersShare { owners.formUnion(agentsByRole[role] ?? []) }
        var readOwners = owners
        var writeOwners = owners
        var departments: Set<Int64> = []
        if setting == .department {
            if module == .tickets {
                departments = myDepartments
            } else {
                writeOwners.formUnion(departmentColleagues)
                readOwners.formUnion(departmentColleagues)
            }
        }
        // Sharing rules: records of agents in the rule's role and below, to agents in its target role and below.
        for rule in rules where rule.module == module && tree.subtree(rule.to).contains(role) {
            let shared = agents(in: tree.subtree(rule.from))
            readOwners.formUnion(shared)
            if rule.access == .readWrite { writeOwners.formUnion(shared) }
        }
        return RecordVisibility(readsAll: setting == .publicReadOnly || setting == .publicReadWrite,
                                writesAll: setting == .publicReadWrite, readOwners: readOwners,
                                writeOwners: writeOwners, readDepartments: departments, writeDepartments: departments)
    }
}
