/// A new comment.
public struct CommentDraft: Sendable {
    /// 1…65535 characters, not only white space.
    public var content: String
    public var contentType: MessageContentType
    public var isPublic: Bool
    /// Uploads (`POST /uploads`) to link to the new comment, in order.
    public var attachmentIDs: [Int64]

    public init(content: String, contentType: MessageContentType = .plainText, isPublic: Bool = false,
                attachmentIDs: [Int64] = []) {
        self.attachmentIDs = attachmentIDs
        self.content = content
        self.contentType = contentType
        self.isPublic = isPublic
    }
}
