/// The fields of a new account; `accountName` is required.
public struct AccountDraft: Sendable, Equatable {
    public var accountName: String
    public var email: String?
    public var phone: String?
    public var website: String?
    public var description: String?
    /// Custom field values by api name; empty when the request has none.
    public var cf: [String: CustomFieldInput]
    /// The owning agent; nil: the creating agent.
    public var ownerID: Int64?

    public init(accountName: String, email: String? = nil, phone: String? = nil, website: String? = nil,
                description: String? = nil, cf: [String: CustomFieldInput] = [:], ownerID: Int64? = nil) {
        self.accountName = accountName
        self.email = email
        self.phone = phone
        self.website = website
        self.description = description
        self.cf = cf
        self.ownerID = ownerID
    }
}
