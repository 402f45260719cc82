import DeskCore
import DeskHTTP

/// Reads contact create and update bodies into a `ContactDraft` or `ContactChanges`, strictly: unknown
/// fields, wrong types and over-long texts are 422 `INVALID_DATA`, all reported at once. Deeper rules
/// (email syntax, the account being a live account of the org) are DeskCore's.
enum ContactInput {
    static let fields: Set<String> = ["firstName", "lastName", "email", "phone", "mobile", "accountId", "description", "ownerId", "cf"]
    static let maxName = 100
    static let maxPhone = 50
    static let maxEmail = 255
    static let maxDescription = 65535

    /// The draft of `POST /api/v1/contacts`; `lastName` is required.
    static func draft(from request: HTTPRequest) throws -> ContactDraft {
        let (values, cf) = try RecordBody.read(request, allowed: fields, required: "lastName", fields: read)
        return ContactDraft(firstName: values.firstName ?? nil, lastName: values.lastName ?? "",
                            email: values.email ?? nil, phone: values.phone ?? nil, mobile: values.mobile ?? nil,
                            accountID: values.accountID ?? nil, description: values.description ?? nil, cf: cf,
                            ownerID: values.ownerID)
    }

    /// The changes of `PATCH /api/v1/contacts/{id}`: absent fields stay, `null` clears an optional field
    /// (`lastName` cannot be cleared).
    static func changes(from request: HTTPRequest) throws -> ContactChanges {
        try RecordBody.changes(request, allowed: fields, fields: read)
    }

    private static func read(_ body: JSONBody) -> ContactChanges {
        let lastName = body.string("lastName", minLength: 1, maxLength: maxName)
        if case .some(.none) = lastName { body.fail("lastName", "invalid", "The lastName must not be null.") }
        let ownerID = body.id("ownerId")
        if case .some(.none) = ownerID { body.fail("ownerId", "invalid", "The ownerId must not be null.") }
        return ContactChanges(
            firstName: body.string("firstName", maxLength: maxName), lastName: lastName ?? nil,
            email: body.string("email", maxLength: maxEmail), phone: body.string("phone", maxLength: maxPhone),
            mobile: body.string("mobile", maxLength: maxPhone), accountID: body.id("accountId"),
            description: body.string("description", maxLength: maxDescription), ownerID: ownerID ?? nil)
    }
}
