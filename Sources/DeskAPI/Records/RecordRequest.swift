import DeskCore
import DeskHTTP

/// Request pieces shared by the record routes (tickets, threads, comments, contacts, accounts, recycle
/// bin): path ids, `If-Match`, id lists in bodies, the `sortBy` and `searchStr` query parameters, and a
/// record answer with its ETag.
enum RecordRequest {
    /// The path parameter `name` (default `{id}`): a positive integer, else 404 `URL_NOT_FOUND`.
    static func id(_ request: HTTPRequest, _ name: String = "id") throws -> Int64 {
        let id = try request.parameters.require(name, as: Int64.self)
        guard id > 0 else { throw HTTPError.notFound() }
        return id
    }

    /// The ids of a `{"<key>":["…"]}` body (no other field), without duplicates, in ascending order;
    /// 422 naming the field when it is missing, not a list of id strings, or longer than `maxCount`.
    static func idList(_ request: HTTPRequest, key: String, maxCount: Int) throws -> [Int64] {
        let body = try JSONBody(request, allowed: [key])
        let ids = body.idList(key, maxCount: maxCount)
        try body.finish()
        return Array(Set(ids ?? [])).sorted()
    }

    /// The `sortBy` parameter read with `parse` (`-` prefix for descending), `defaultSort` when absent;
    /// 422 naming it, with the allowed `keys`, when `parse` refuses it.
    static func sort<Sort>(_ query: QueryParameters, default defaultSort: Sort, keys: [String],
                           parse: (String) -> Sort?) throws -> Sort {
        guard let text = query["sortBy"] else { return defaultSort }
        guard let sort = parse(text) else {
            throw QueryReader.invalid("sortBy", "Expected one of: \(keys.joined(separator: ", ")), optionally prefixed with -.")
        }
        return sort
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
