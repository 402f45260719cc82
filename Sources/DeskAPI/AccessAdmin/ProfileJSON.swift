import DeskCore
import DeskHTTP

/// A profile as the API renders it: every module × action and every privacy operation as a boolean.
struct ProfileJSON: Encodable {
    let profile: Profile

    private enum Key: String, CodingKey {
        case id, name, description, isDefault, clonedFrom, permissions, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(profile.id), forKey: .id)
        try container.encode(profile.name, forKey: .name)
        try container.encode(profile.description, forKey: .description)
        try container.encode(profile.isBuiltIn, forKey: .isDefault)
        try container.encode(profile.clonedFrom.map(String.init), forKey: .clonedFrom)
        try container.encode(PermissionsJSON(permissions: profile.permissions), forKey: .permissions)
        try container.encode(profile.createdAt.map(APITime.format), forKey: .createdTime)
        try container.encode(profile.updatedAt.map(APITime.format), forKey: .modifiedTime)
    }

    /// `{"modules":{"tickets":{"view":true,…},…},"privacy":{"anonymize":false,…}}`.
    struct PermissionsJSON: Encodable {
        let permissions: ProfilePermissions

        private struct Name: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Name.self)
            var modules = container.nestedContainer(keyedBy: Name.self, forKey: Name(stringValue: "modules"))
            for module in AccessModule.allCases {
                var actions = modules.nestedContainer(keyedBy: Name.self, forKey: Name(stringValue: module.rawValue))
                for action in AccessAction.allCases {
                    try actions.encode(permissions.allows(action, on: module), forKey: Name(stringValue: action.rawValue))
                }
            }
            var privacy = container.nestedContainer(keyedBy: Name.self, forKey: Name(stringValue: "privacy"))
            for action in PrivacyAction.allCases {
                try privacy.encode(permissions.allows(action), forKey: Name(stringValue: action.rawValue))
            }
        }
    }

    /// One profile with its `ETag`.
    static func single(_ profile: Profile) -> HTTPResponse {
        RecordRequest.single(ProfileJSON(profile: profile), version: profile.version)
    }
}
