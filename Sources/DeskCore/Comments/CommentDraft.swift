/// A new comment.
public struct CommentDraft: Sendable {
    /// 1…65535 characters, not only white space.
    public var content: String
    public var contentType: MessageContentType
    public var isPublic: Bool

    public init(content: String, contentType: MessageContentType = .plainText, isPublic: Bool = false) {
        self.content = content
        self.contentType = contentType
        self.isPublic = isPublic
    }
}
