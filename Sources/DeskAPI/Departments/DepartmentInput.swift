import DeskCore
import DeskHTTP

/// Reads department bodies strictly (unknown fields, wrong types and over-long texts are 422
/// `INVALID_DATA`, all reported at once). Uniqueness of the name is DeskCore's.
enum DepartmentInput {
    static let fields: Set<String> = ["name", "description"]
    static let maxName = 100
    static let maxDescription = 65535
    /// The most agents one associate / dissociate call takes.
    static let maxAgents = 100

    /// The draft of `POST /api/v1/departments`; `name` is required.
    static func draft(from request: HTTPRequest) throws -> DepartmentDraft {
        let body = try JSONBody(request, allowed: fields)
        if !body.has("name") { body.fail("name", "missing", "The field is required.") }
        let values = read(body)
        try body.finish()
        return DepartmentDraft(name: values.name ?? "", description: values.description ?? nil)
    }

    /// The changes of `PATCH /api/v1/departments/{id}`: absent fields stay, `null` clears the description.
    /// `isEnabled` is refused with a pointer to `/enable` and `/disable`.
    static func changes(from request: HTTPRequest) throws -> DepartmentChanges {
        let body = try JSONBody(request, allowed: fields.union(["isEnabled"]))
        if body.has("isEnabled") {
            body.fail("isEnabled", "readOnly",
                      "The isEnabled flag cannot be edited; use POST /api/v1/departments/{id}/enable or /disable.")
        }
        let values = read(body)
        try body.finish()
        return values
    }

    private static func read(_ body: JSONBody) -> DepartmentChanges {
        let name = body.string("name", minLength: 1, maxLength: maxName)
        if case .some(.none) = name { body.fail("name", "invalid", "The name must not be null.") }
        return DepartmentChanges(name: name ?? nil, description: body.string("description", maxLength: maxDescription))
    }
}
