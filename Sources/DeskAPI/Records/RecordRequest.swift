import DeskCore
import DeskHTTP

/// Request pieces shared by the contact and account routes: the `{id}` path parameter, `If-Match`, the
/// `sortBy` and `searchStr` query parameters, and a record answer with its ETag.
enum RecordRequest {
    /// The `{id}` path parameter: a positive integer, else 404 `URL_NOT_FOUND`.
    static func id(_ request: HTTPRequest) throws -> Int64 {
        let id = try request.parameters.require("id", as: Int64.self)
        guard id > 0 else { throw HTTPError.notFound() }
        return id
    }

    /// The version an `If-Match` header names: nil when absent or `*`; a weak or malformed tag can never
    /// match a version, so it is a failed precondition.
    static func expectedVersion(_ header: String?) throws -> Int64? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty, header != "*" else { return nil }
        var text = Substring(header)
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int64(text), version > 0 else {
            throw HTTPError.preconditionFailed("If-Match does not match the record's ETag.")
        }
        return version
    }

    /// The required `searchStr` parameter (1…100 characters), else 422 naming it.
    static func searchString(_ query: QueryParameters) throws -> String {
        guard let text = query["searchStr"], !text.trimmingCharacters(in: .whitespaces).isEmpty,
              text.count <= 100 else {
            throw QueryReader.invalid("searchStr", "Expected a search text of 1 to 100 characters.")
        }
        return text
    }

    /// `value` as JSON with `ETag: "<version>"`.
    static func single(_ value: some Encodable, version: Int64) -> HTTPResponse {
        var response = HTTPResponse.json(value)
        response.headers["ETag"] = "\"\(version)\""
        return response
    }
}
