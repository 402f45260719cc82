/// A profile as the field permission screens list it: the built-in ones and the org's custom profiles.
public struct FieldPermissionProfile: Sendable, Equatable {
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    /// Whether the profile can be given field restrictions (every profile but Administrator).
    public var isRestrictable: Bool { id != BuiltInProfile.administrator.rawValue }
}
