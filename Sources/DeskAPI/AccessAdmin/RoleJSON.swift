import DeskCore
import DeskHTTP

/// A role as the API renders it; the top role has `reportsTo` null, `isDefault` true and no times.
struct RoleJSON: Encodable {
    let role: Role

    private enum Key: String, CodingKey {
        case id, name, description, reportsTo, shareDataWithPeers, isDefault, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(role.id), forKey: .id)
        try container.encode(role.name, forKey: .name)
        try container.encode(role.description, forKey: .description)
        try container.encode(role.reportsTo.map(String.init), forKey: .reportsTo)
        try container.encode(role.shareDataWithPeers, forKey: .shareDataWithPeers)
        try container.encode(role.id == Role.topRoleID, forKey: .isDefault)
        try container.encode(role.createdAt.map(APITime.format), forKey: .createdTime)
        try container.encode(role.updatedAt.map(APITime.format), forKey: .modifiedTime)
    }

    /// One role with its `ETag`.
    static func single(_ role: Role) -> HTTPResponse {
        RecordRequest.single(RoleJSON(role: role), version: role.version)
    }
}
