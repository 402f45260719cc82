import DeskCore
import DeskHTTP

/// Reads `PATCH /api/v1/organizations/{id}` strictly: `companyName` (1…255 characters) and
/// `recycleBinRetentionDays` (1…3650); the portal name and region are read-only (a region changes only by
/// an org move).
enum OrganizationInput {
    static let fields: Set<String> = ["companyName", "recycleBinRetentionDays"]
    static let readOnly: [String: String] = [
        "portalName": "The portalName cannot be changed.",
        "region": "The region changes only by moving the org (deskd org move).",
        "id": "The id cannot be changed.",
    ]
    static let maxName = 255

    static func changes(from request: HTTPRequest) throws -> OrgChanges {
        let body = try JSONBody(request, allowed: fields.union(readOnly.keys))
        for (field, message) in readOnly.sorted(by: { $0.key < $1.key }) where body.has(field) {
            body.fail(field, "readOnly", message)
        }
        let name = body.string("companyName", minLength: 1, maxLength: maxName)
        if case .some(.none) = name { body.fail("companyName", "invalid", "The companyName must not be null.") }
        let retention = body.integer("recycleBinRetentionDays", in: Org.retentionDays)
        try body.finish()
        return OrgChanges(name: name ?? nil, recycleBinRetentionDays: retention)
    }
}
