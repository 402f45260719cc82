/// A partial update of an account: nil leaves a field as it is; for nullable fields `.some(nil)` clears it.
public struct AccountChanges: Sendable, Equatable {
    public var accountName: String?
    public var email: String??
    public var phone: String??
    public var website: String??
    public var description: String??
    /// Custom field values to set (`.null` clears) by api name; other custom fields stay.
    public var cf: [String: CustomFieldInput]
    /// A new owning agent (cannot be cleared).
    public var ownerID: Int64?

    public init(accountName: String? = nil, email: String?? = nil, phone: String?? = nil, website: String?? = nil,
                description: String?? = nil, cf: [String: CustomFieldInput] = [:], ownerID: Int64? = nil) {
        self.accountName = accountName
        self.email = email
        self.phone = phone
        self.website = website
        self.description = description
        self.cf = cf
        self.ownerID = ownerID
    }
}
