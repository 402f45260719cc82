/// The fields of a new contact; `lastName` is required.
public struct ContactDraft: Sendable, Equatable {
    public var firstName: String?
    public var lastName: String
    public var email: String?
    public var phone: String?
    public var mobile: String?
    public var accountID: Int64?
    public var description: String?
    /// Custom field values by api name; empty when the request has none.
    public var cf: [String: CustomFieldInput]
    /// The owning agent; nil: the creating agent.
    public var ownerID: Int64?

    public init(firstName: String? = nil, lastName: String, email: String? = nil, phone: String? = nil,
                mobile: String? = nil, accountID: Int64? = nil, description: String? = nil, cf: [String: CustomFieldInput] = [:],
                ownerID: Int64? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.mobile = mobile
        self.accountID = accountID
        self.description = description
        self.cf = cf
        self.ownerID = ownerID
    }
}
