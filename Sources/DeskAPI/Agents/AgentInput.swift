import DeskCore
import DeskHTTP

/// Reads agent bodies strictly (unknown fields, wrong types, bad enums and over-long texts are 422
/// `INVALID_DATA`, all reported at once): `POST /agents`, `PATCH /agents/{id}` and `PATCH /myinfo`. Deeper
/// rules (email syntax, the language and time zone, departments of the org) are DeskCore's.
enum AgentInput {
    static let profileFields: Set<String> = ["firstName", "lastName", "phone", "mobile", "langCode", "timeZone"]
    static let adminFields: Set<String> = profileFields.union(["profileId", "roleId", "associatedDepartmentIds"])
    /// Fields an agent has that no body may set; naming one is 422 with a message saying how it changes.
    static let readOnly: [String: String] = [
        "emailId": "The emailId cannot be edited; an agent's email address changes through an email-change request.",
        "status": "The status cannot be edited; use POST /api/v1/agents/{id}/activate or /deactivate.",
        "id": "The id cannot be changed.",
        "name": "The name is derived from firstName and lastName.",
        "createdTime": "The createdTime cannot be changed.",
        "modifiedTime": "The modifiedTime cannot be changed.",
    ]
    /// Fields of an agent's own profile (`/myinfo`) that only an administrator changes, through `/agents`.
    static let adminOnly: [String: String] = [
        "profileId": "The profile cannot be changed through /myinfo; an administrator changes it through /api/v1/agents/{id}.",
        "roleId": "The role cannot be changed through /myinfo; an administrator changes it through /api/v1/agents/{id}.",
        "associatedDepartmentIds": "The departments cannot be changed through /myinfo; an administrator changes them through /api/v1/agents/{id}.",
    ]
    static let maxName = 100
    static let maxEmail = 255
    static let maxPhone = 50
    static let maxLangCode = 35
    static let maxTimeZone = 64
    static let maxDepartments = 100

    /// The draft of `POST /api/v1/agents`: `emailId` and `lastName` required, `profileId` defaults to the built-in Agent profile, `roleId` to the top role.
    static func draft(from request: HTTPRequest) throws -> AgentDraft {
        let body = try JSONBody(request, allowed: adminFields.union(["emailId"]))
        let email = body.string("emailId", minLength: 1, maxLength: maxEmail)
        if !body.has("emailId") {
            body.fail("emailId", "missing", "The field is required.")
        } else if case .some(.none) = email {
            body.fail("emailId", "invalid", "The emailId must not be null.")
        }
        if !body.has("lastName") { body.fail("lastName", "missing", "The field is required.") }
        let values = read(body)
        try body.finish()
        return AgentDraft(email: (email ?? nil) ?? "", firstName: values.firstName ?? nil,
                          lastName: values.lastName ?? "", profileID: values.profileID ?? BuiltInProfile.agent.rawValue,
                          roleID: values.roleID ?? Role.topRoleID, phone: values.phone ?? nil,
                          mobile: values.mobile ?? nil, langCode: values.langCode ?? nil,
                          timeZone: values.timeZone ?? nil, departmentIDs: values.departmentIDs ?? [])
    }

    /// The changes of `PATCH /api/v1/agents/{id}`: absent fields stay, `null` clears an optional one.
    static func changes(from request: HTTPRequest) throws -> AgentChanges {
        let body = try JSONBody(request, allowed: adminFields.union(readOnly.keys))
        refuse(readOnly, in: body)
        let values = read(body)
        try body.finish()
        return values
    }

    /// The changes of `PATCH /api/v1/myinfo`: the caller's own names, phones, language and time zone.
    static func ownChanges(from request: HTTPRequest) throws -> AgentChanges {
        let body = try JSONBody(request, allowed: profileFields.union(readOnly.keys).union(adminOnly.keys))
        refuse(readOnly.merging(adminOnly) { first, _ in first }, in: body)
        let values = read(body)
        try body.finish()
        return values
    }

    private static func refuse(_ fields: [String: String], in body: JSONBody) {
        for (field, message) in fields.sorted(by: { $0.key < $1.key }) where body.has(field) {
            body.fail(field, "readOnly", message)
        }
    }

    private static func read(_ body: JSONBody) -> AgentChanges {
        let lastName = body.string("lastName", minLength: 1, maxLength: maxName)
        if case .some(.none) = lastName { body.fail("lastName", "invalid", "The lastName must not be null.") }
        let profileID = body.id("profileId")
        if case .some(.none) = profileID { body.fail("profileId", "invalid", "The profileId must not be null.") }
        let roleID = body.id("roleId")
        if case .some(.none) = roleID { body.fail("roleId", "invalid", "The roleId must not be null.") }
        return AgentChanges(
            firstName: body.string("firstName", maxLength: maxName), lastName: lastName ?? nil,
            profileID: profileID ?? nil, roleID: roleID ?? nil,
            phone: body.string("phone", maxLength: maxPhone), mobile: body.string("mobile", maxLength: maxPhone),
            langCode: body.string("langCode", minLength: 1, maxLength: maxLangCode),
            timeZone: body.string("timeZone", minLength: 1, maxLength: maxTimeZone),
            departmentIDs: body.has("associatedDepartmentIds")
                ? body.optionalIDList("associatedDepartmentIds", maxCount: maxDepartments) : nil)
    }
}
