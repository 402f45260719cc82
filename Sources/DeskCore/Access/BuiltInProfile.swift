/// The profiles every org has, with fixed ids; they cannot be changed, only cloned into custom profiles.
public enum BuiltInProfile: Int64, Sendable, CaseIterable {
    /// Everything, records of every agent included, whatever the sharing settings.
    case administrator = 1
    /// Works tickets, contacts and accounts; sees the org's agents and departments.
    case agent = 2
    /// Views tickets, contacts and accounts and comments on tickets; changes nothing else.
    case lightAgent = 3

    /// The profile's name as the API shows it.
    public var name: String {
        switch self {
        case .administrator: "Administrator"
        case .agent: "Agent"
        case .lightAgent: "Light Agent"
        }
    }

    /// What the profile is for.
    public var description: String {
        switch self {
        case .administrator: "Full access to every module, record and setting of the organization."
        case .agent: "Works tickets, contacts and accounts within the organization's sharing settings."
        case .lightAgent: "Views tickets, contacts and accounts and adds comments to tickets."
        }
    }

    /// The profile's rights.
    public var permissions: ProfilePermissions {
        switch self {
        case .administrator:
            return .everything
        case .agent:
            return ProfilePermissions(modules: [
                .tickets: [.view, .create, .edit, .delete, .export],
                .contacts: [.view, .create, .edit, .delete, .export],
                .accounts: [.view, .create, .edit, .delete, .export],
                .agents: [.view],
                .departments: [.view],
                .recycleBin: [.view, .edit],
            ], privacy: [])
        case .lightAgent:
            return ProfilePermissions(modules: [
                .tickets: [.view], .contacts: [.view], .accounts: [.view], .agents: [.view], .departments: [.view],
            ], privacy: [])
        }
    }
}
