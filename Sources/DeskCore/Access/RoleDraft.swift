/// The fields of a new role; `name` is required, it reports to the top role unless told otherwise.
public struct RoleDraft: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var reportsTo: Int64
    public var shareDataWithPeers: Bool

    public init(name: String, description: String? = nil, reportsTo: Int64 = Role.topRoleID,
                shareDataWithPeers: Bool = false) {
        self.name = name
        self.description = description
        self.reportsTo = reportsTo
        self.shareDataWithPeers = shareDataWithPeers
    }
}

/// A partial update of a role: nil leaves a field as it is; `description` `.some(nil)` clears it.
public struct RoleChanges: Sendable, Equatable {
    public var name: String?
    public var description: String??
    public var reportsTo: Int64?
    public var shareDataWithPeers: Bool?

    public init(name: String? = nil, description: String?? = nil, reportsTo: Int64? = nil,
                shareDataWithPeers: Bool? = nil) {
        self.name = name
        self.description = description
        self.reportsTo = reportsTo
        self.shareDataWithPeers = shareDataWithPeers
    }
}
