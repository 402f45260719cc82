import DeskCore

/// An org as the API renders it: Zoho Desk's `companyName` and `portalName`, plus deskd's data region
/// and recycle-bin retention.
struct OrganizationJSON: Encodable {
    let org: Org

    private enum Key: String, CodingKey {
        case id, companyName, portalName, region, recycleBinRetentionDays, isDefault, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(org.id), forKey: .id)
        try container.encode(org.name, forKey: .companyName)
        try container.encode(org.portal, forKey: .portalName)
        try container.encode(org.region.rawValue, forKey: .region)
        try container.encode(org.recycleBinRetentionDays, forKey: .recycleBinRetentionDays)
        // An agent belongs to one org, which is therefore always its default one.
        try container.encode(true, forKey: .isDefault)
        try container.encode(APITime.format(org.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(org.updatedAt), forKey: .modifiedTime)
    }
}
