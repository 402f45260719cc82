/// The fields of a new agent; `email` and `lastName` are required, the profile defaults to the built-in Agent, the role to the top role.
public struct AgentDraft: Sendable, Equatable {
    public var email: String
    public var firstName: String?
    public var lastName: String
    public var profileID: Int64
    public var roleID: Int64
    public var phone: String?
    public var mobile: String?
    public var langCode: String?
    public var timeZone: String?
    /// Live departments of the org the agent works in.
    public var departmentIDs: [Int64]

    public init(email: String, firstName: String? = nil, lastName: String,
                profileID: Int64 = BuiltInProfile.agent.rawValue, roleID: Int64 = Role.topRoleID,
                phone: String? = nil, mobile: String? = nil, langCode: String? = nil, timeZone: String? = nil,
                departmentIDs: [Int64] = []) {
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.profileID = profileID
        self.roleID = roleID
        self.phone = phone
        self.mobile = mobile
        self.langCode = langCode
        self.timeZone = timeZone
        self.departmentIDs = departmentIDs
    }
}
