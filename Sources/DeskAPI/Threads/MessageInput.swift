import DeskCore
import DeskHTTP

/// Body pieces shared by replies and comments: the content, its type, and boolean flags.
enum MessageInput {
    /// The most characters a content has.
    static let maxContent = 65535
    static let contentTypes = MessageContentType.allCases.map(\.rawValue)

    /// The `{threadId}` / `{commentId}` path parameter: a positive integer, else 404 `URL_NOT_FOUND`.
    static func pathID(_ request: HTTPRequest, _ name: String) throws -> Int64 {
        let id = try request.parameters.require(name, as: Int64.self)
        guard id > 0 else { throw HTTPError.notFound() }
        return id
    }

    /// A boolean field of the request's JSON object: nil when absent; a `null` or a non-boolean is
    /// recorded on `body` as invalid (and also gives nil). `JSONBody` has already checked the document.
    static func bool(_ request: HTTPRequest, _ key: String, body: JSONBody) throws -> Bool? {
        let fields = try request.decodeJSON([String: JSONValue].self)
        guard let value = fields[key] else { return nil }
        guard case .bool(let flag) = value else {
            body.fail(key, "invalid", "Expected true or false.")
            return nil
        }
        return flag
    }

    /// The `content` field, 1…65535 characters; `required` records a missing one.
    static func content(_ body: JSONBody, required: Bool) -> String? {
        let content = body.string("content", minLength: 1, maxLength: maxContent)
        if required && !body.has("content") {
            body.fail("content", "missing", "The field is required.")
        } else if case .some(.none) = content {
            body.fail("content", "invalid", "The content must not be null.")
        }
        return content ?? nil
    }

    /// The `contentType` field, `plainText` or `html`.
    static func contentType(_ body: JSONBody) -> MessageContentType? {
        let value = body.enumValue("contentType", MessageContentType.self, allowed: contentTypes)
        if case .some(.none) = value { body.fail("contentType", "invalid", "The contentType must not be null.") }
        return value ?? nil
    }
}
