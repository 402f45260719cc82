/// What an agent sends with `sendReply`.
public struct ReplyDraft: Sendable {
    public var channel: ThreadChannel
    /// 1…65535 characters, not only white space.
    public var content: String
    public var contentType: MessageContentType
    public var isForward: Bool
    /// Uploads (`POST /uploads`) to link to the new thread, in order.
    public var attachmentIDs: [Int64]

    public init(channel: ThreadChannel = .email, content: String, contentType: MessageContentType = .plainText,
                isForward: Bool = false, attachmentIDs: [Int64] = []) {
        self.attachmentIDs = attachmentIDs
        self.channel = channel
        self.content = content
        self.contentType = contentType
        self.isForward = isForward
    }
}
