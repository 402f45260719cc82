import DeskCore
import DeskHTTP

/// Reads role bodies strictly (422 `INVALID_DATA` naming every problem as a JSON Pointer). Whether
/// `reportsTo` names a role of the org, and cycles, are DeskCore's.
enum RoleInput {
    static let fields: Set<String> = ["name", "description", "reportsTo", "shareDataWithPeers"]

    /// The draft of `POST /api/v1/roles`: `name` required, `reportsTo` defaults to the top role.
    static func draft(from request: HTTPRequest) throws -> RoleDraft {
        let body = try JSONBody(request, allowed: fields)
        if !body.has("name") { body.fail("name", "missing", "The field is required.") }
        let values = read(body)
        try body.finish()
        return RoleDraft(name: values.name ?? "", description: values.description ?? nil,
                         reportsTo: values.reportsTo ?? Role.topRoleID,
                         shareDataWithPeers: values.shareDataWithPeers ?? false)
    }

    /// The changes of `PATCH /api/v1/roles/{id}`: absent fields stay, `null` clears the description.
    static func changes(from request: HTTPRequest) throws -> RoleChanges {
        let body = try JSONBody(request, allowed: fields)
        let values = read(body)
        try body.finish()
        return values
    }

    private static func read(_ body: JSONBody) -> RoleChanges {
        let name = body.string("name", minLength: 1, maxLength: Role.maxName)
        if case .some(.none) = name { body.fail("name", "invalid", "The name must not be null.") }
        let reportsTo = body.id("reportsTo")
        if case .some(.none) = reportsTo { body.fail("reportsTo", "invalid", "The reportsTo must not be null.") }
        return RoleChanges(name: name ?? nil, description: body.string("description", maxLength: Role.maxDescription),
                           reportsTo: reportsTo ?? nil, shareDataWithPeers: body.bool("shareDataWithPeers"))
    }
}
