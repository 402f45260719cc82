/// A partial update of a custom profile: nil leaves a field as it is; `description` `.some(nil)` clears it.
public struct ProfileChanges: Sendable, Equatable {
    public var name: String?
    public var description: String??
    /// The rights to switch on or off; rights not named stay.
    public var permissions: ProfilePermissionChanges?

    public init(name: String? = nil, description: String?? = nil, permissions: ProfilePermissionChanges? = nil) {
        self.name = name
        self.description = description
        self.permissions = permissions
    }
}

/// Rights to switch on (true) or off (false); rights not named keep their value.
public struct ProfilePermissionChanges: Sendable, Equatable {
    public var modules: [AccessModule: [AccessAction: Bool]]
    public var privacy: [PrivacyAction: Bool]

    public init(modules: [AccessModule: [AccessAction: Bool]] = [:], privacy: [PrivacyAction: Bool] = [:]) {
        self.modules = modules
        self.privacy = privacy
    }

    /// `permissions` with these changes applied.
    public func applied(to permissions: ProfilePermissions) -> ProfilePermissions {
        var result = permissions
        for (module, actions) in modules {
            var allowed = result.modules[module] ?? []
            for (action, on) in actions {
                if on { allowed.insert(action) } else { allowed.remove(action) }
            }
            result.modules[module] = allowed.isEmpty ? nil : allowed
        }
        for (action, on) in privacy {
            if on { result.privacy.insert(action) } else { result.privacy.remove(action) }
        }
        return result
    }
}
