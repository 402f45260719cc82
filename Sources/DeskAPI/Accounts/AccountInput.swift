import DeskCore
import DeskHTTP

/// Reads account create and update bodies into an `AccountDraft` or `AccountChanges`, strictly: unknown
/// fields, wrong types and over-long texts are 422 `INVALID_DATA`, all reported at once. Deeper rules
/// (email syntax) are DeskCore's.
enum AccountInput {
    static let fields: Set<String> = ["accountName", "email", "phone", "website", "description", "ownerId", "cf"]
    static let maxName = 255
    static let maxPhone = 50
    static let maxEmail = 255
    static let maxWebsite = 255
    static let maxDescription = 65535

    /// The draft of `POST /api/v1/accounts`; `accountName` is required.
    static func draft(from request: HTTPRequest) throws -> AccountDraft {
        let (values, cf) = try RecordBody.read(request, allowed: fields, required: "accountName", fields: read)
        return AccountDraft(accountName: values.accountName ?? "", email: values.email ?? nil,
                            phone: values.phone ?? nil, website: values.website ?? nil,
                            description: values.description ?? nil, cf: cf, ownerID: values.ownerID)
    }

    /// The changes of `PATCH /api/v1/accounts/{id}`: absent fields stay, `null` clears an optional field
    /// (`accountName` cannot be cleared).
    static func changes(from request: HTTPRequest) throws -> AccountChanges {
        try RecordBody.changes(request, allowed: fields, fields: read)
    }

    private static func read(_ body: JSONBody) -> AccountChanges {
        let name = body.string("accountName", minLength: 1, maxLength: maxName)
        if case .some(.none) = name { body.fail("accountName", "invalid", "The accountName must not be null.") }
        let ownerID = body.id("ownerId")
        if case .some(.none) = ownerID { body.fail("ownerId", "invalid", "The ownerId must not be null.") }
        return AccountChanges(
            accountName: name ?? nil, email: body.string("email", maxLength: maxEmail),
            phone: body.string("phone", maxLength: maxPhone), website: body.string("website", maxLength: maxWebsite),
            description: body.string("description", maxLength: maxDescription), ownerID: ownerID ?? nil)
    }
}
