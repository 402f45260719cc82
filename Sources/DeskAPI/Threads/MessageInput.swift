import DeskCore
import DeskHTTP

/// Body pieces shared by replies and comments: the content and its type.
enum MessageInput {
    /// The most characters a content has.
    static let maxContent = 65535
    static let contentTypes = MessageContentType.allCases.map(\.rawValue)

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
