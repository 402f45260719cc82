/// A partial update of an agent: nil leaves a field as it is; for nullable fields `.some(nil)` clears it.
/// The email is not here: it changes only through an email-change request. Activation has its own calls.
public struct AgentChanges: Sendable, Equatable {
    public var firstName: String??
    public var lastName: String?
    public var profileID: Int64?
    public var roleID: Int64?
    public var phone: String??
    public var mobile: String??
    public var langCode: String??
    public var timeZone: String??
    /// The complete new set of departments, when given.
    public var departmentIDs: [Int64]?

    public init(firstName: String?? = nil, lastName: String? = nil, profileID: Int64? = nil, roleID: Int64? = nil, phone: String?? = nil,
                mobile: String?? = nil, langCode: String?? = nil, timeZone: String?? = nil,
                departmentIDs: [Int64]? = nil) {
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
