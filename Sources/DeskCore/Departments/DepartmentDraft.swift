/// The fields of a new department; `name` is required.
public struct DepartmentDraft: Sendable, Equatable {
    public var name: String
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}

/// A partial update of a department: nil leaves a field as it is; `.some(nil)` clears the description.
/// Enabling and disabling have their own calls.
public struct DepartmentChanges: Sendable, Equatable {
    public var name: String?
    public var description: String??

    public init(name: String? = nil, description: String?? = nil) {
        self.name = name
        self.description = description
    }
}
