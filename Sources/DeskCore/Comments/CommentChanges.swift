/// Changes to a comment; nil leaves a field as it is.
public struct CommentChanges: Sendable {
    public var content: String?
    public var contentType: MessageContentType?
    public var isPublic: Bool?

    public init(content: String? = nil, contentType: MessageContentType? = nil, isPublic: Bool? = nil) {
        self.content = content
        self.contentType = contentType
        self.isPublic = isPublic
    }
}
