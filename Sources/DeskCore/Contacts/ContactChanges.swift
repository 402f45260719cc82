/// A partial update of a contact: nil leaves a field as it is; for nullable fields `.some(nil)` clears it.
public struct ContactChanges: Sendable, Equatable {
    public var firstName: String??
    public var lastName: String?
    public var email: String??
    public var phone: String??
    public var mobile: String??
    public var accountID: Int64??
    public var description: String??
    /// Custom field values to set (`.null` clears) by api name; other custom fields stay.
    public var cf: [String: CustomFieldInput]
    /// A new owning agent (cannot be cleared).
    public var ownerID: Int64?

    public init(firstName: String?? = nil, lastName: String? = nil, email: String?? = nil, phone: String?? = nil,
                mobile: String?? = nil, accountID: Int64?? = nil, description: String?? = nil, cf: [String: CustomFieldInput] = [:],
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
