/// What one agent may do in its org, resolved from its profile, role, departments, the org's data
/// sharing settings, sharing rules and the profile's field permissions (``Store/access(org:agent:)``).
/// Every API request carries one in its ``Actor``; reads and writes consult it.
public struct AgentAccess: Sendable, Equatable {
    /// The agent's profile.
    public let profileID: Int64
    /// The agent's role.
    public let roleID: Int64
    /// The profile's rights.
    public let permissions: ProfilePermissions
    /// The Administrator profile: every record and field, whatever the sharing settings.
    public let isAdministrator: Bool
    /// The reach of each shared module; a module without an entry reaches nothing.
    public let visibility: [AccessModule: RecordVisibility]
    /// The profile's field settings per module that are not `readWrite`, by field api name.
    public let fields: [AccessModule: [String: FieldAccess]]

    public init(profileID: Int64, roleID: Int64, permissions: ProfilePermissions, isAdministrator: Bool,
                visibility: [AccessModule: RecordVisibility], fields: [AccessModule: [String: FieldAccess]]) {
        self.profileID = profileID
        self.roleID = roleID
        self.permissions = permissions
        self.isAdministrator = isAdministrator
        self.visibility = visibility
        self.fields = fields
    }

    /// Everything (the system actor of the CLI and jobs, and tests that do not exercise access).
    public static let everything = AgentAccess(
        profileID: BuiltInProfile.administrator.rawValue, roleID: Role.topRoleID, permissions: .everything,
        isAdministrator: true,
        visibility: Dictionary(uniqueKeysWithValues: AccessModule.shared.map { ($0, RecordVisibility.everything) }),
        fields: [:])

    /// Whether the profile allows `action` on `module`.
    public func allows(_ action: AccessAction, on module: AccessModule) -> Bool {
        permissions.allows(action, on: module)
    }

    /// The reach of a shared module.
    public func visibility(of module: AccessModule) -> RecordVisibility {
        visibility[module] ?? RecordVisibility(readsAll: false, writesAll: false, readOwners: [], writeOwners: [],
                                               readDepartments: [], writeDepartments: [])
    }

    /// The access to one field of a module (`readWrite` unless the profile says otherwise).
    public func fieldAccess(_ module: AccessModule, _ field: String) -> FieldAccess {
        fields[module]?[field] ?? .readWrite
    }
}
