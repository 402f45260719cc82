import DeskCore
import DeskHTTP

/// A sharing rule as the API renders it.
struct SharingRuleJSON: Encodable {
    let rule: SharingRule

    private enum Key: String, CodingKey {
        case id, module, fromRoleId, toRoleId, access, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(rule.id), forKey: .id)
        try container.encode(rule.module.rawValue, forKey: .module)
        try container.encode(String(rule.fromRoleID), forKey: .fromRoleId)
        try container.encode(String(rule.toRoleID), forKey: .toRoleId)
        try container.encode(rule.access.rawValue, forKey: .access)
        try container.encode(APITime.format(rule.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(rule.updatedAt), forKey: .modifiedTime)
    }
}
