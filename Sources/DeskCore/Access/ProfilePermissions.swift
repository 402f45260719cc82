import Foundation

/// The rights of a profile: actions per module and privacy operations.
///
/// Stored in `profiles.permissions` as `{"modules":{"tickets":["view",…],…},"privacy":["anonymize",…]}`
/// (modules and actions in declaration order, so equal rights store equal text).
public struct ProfilePermissions: Sendable, Equatable {
    /// The allowed actions of each module; a module absent from the map allows nothing.
    public var modules: [AccessModule: Set<AccessAction>]
    /// The allowed privacy operations.
    public var privacy: Set<PrivacyAction>

    public init(modules: [AccessModule: Set<AccessAction>], privacy: Set<PrivacyAction>) {
        self.modules = modules
        self.privacy = privacy
    }

    /// Whether `action` is allowed on `module`.
    public func allows(_ action: AccessAction, on module: AccessModule) -> Bool {
        modules[module]?.contains(action) ?? false
    }

    /// Whether the privacy operation is allowed.
    public func allows(_ action: PrivacyAction) -> Bool {
        privacy.contains(action)
    }

    /// Every right there is (the Administrator profile).
    public static let everything = ProfilePermissions(
        modules: Dictionary(uniqueKeysWithValues: AccessModule.allCases.map { ($0, Set(AccessAction.allCases)) }),
        privacy: Set(PrivacyAction.allCases))

    /// The stored JSON text.
    public var storedText: String {
        var modulesJSON: [String] = []
        for module in AccessModule.allCases {
            guard let actions = modules[module], !actions.isEmpty else { continue }
            let list = AccessAction.allCases.filter(actions.contains).map { "\"\($0.rawValue)\"" }
            modulesJSON.append("\"\(module.rawValue)\":[\(list.joined(separator: ","))]")
        }
        let privacyJSON = PrivacyAction.allCases.filter(privacy.contains).map { "\"\($0.rawValue)\"" }
        return "{\"modules\":{\(modulesJSON.joined(separator: ","))},\"privacy\":[\(privacyJSON.joined(separator: ","))]}"
    }

    /// Parses the stored JSON text; unknown module, action or privacy names are ignored (a newer deskd
    /// may have written them), malformed text throws.
    public init(storedText: String) throws {
        struct Stored: Decodable {
            let modules: [String: [String]]
            let privacy: [String]
        }
        let stored = try JSONDecoder().decode(Stored.self, from: Data(storedText.utf8))
        var modules: [AccessModule: Set<AccessAction>] = [:]
        for (name, actions) in stored.modules {
            guard let module = AccessModule(rawValue: name) else { continue }
            modules[module] = Set(actions.compactMap(AccessAction.init(rawValue:)))
        }
        self.init(modules: modules, privacy: Set(stored.privacy.compactMap(PrivacyAction.init(rawValue:))))
    }
}
