import DeskCore
import DeskHTTP

/// The strict reading of a record's create or update body shared by contacts and accounts (tickets too
/// could): the record's own fields, then `cf`, then the required field on create, every problem reported
/// at once as 422 `INVALID_DATA`.
enum RecordBody {
    /// Reads `request`'s JSON object, allowing only `allowed` fields: `fields` reads the record's own
    /// fields (reporting problems on the body), `cf` is read after them, and `required` (on create) must
    /// be present.
    static func read<Values>(_ request: HTTPRequest, allowed: Set<String>, required: String? = nil,
                             fields: (JSONBody) -> Values) throws -> (values: Values, cf: [String: CustomFieldInput]) {
        let body = try JSONBody(request, allowed: allowed)
        let values = fields(body)
        let cf = CustomFieldBody.read(request, body)
        if let required, !body.has(required) {
            body.fail(required, "missing", "The field is required.")
        }
        try body.finish()
        return (values, cf)
    }

    /// Reads an update body as ``read(_:allowed:required:fields:)`` does (nothing required): the changes
    /// `fields` returns, with the body's custom field values.
    static func changes<Changes: RecordInput>(_ request: HTTPRequest, allowed: Set<String>,
                                              fields: (JSONBody) -> Changes) throws -> Changes {
        let (values, cf) = try read(request, allowed: allowed, fields: fields)
        var changes = values
        changes.cf = cf
        return changes
    }
}
