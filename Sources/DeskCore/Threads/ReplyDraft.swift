/// What an agent sends with `sendReply`.
public struct ReplyDraft: Sendable {
    public var channel: ThreadChannel
    /// 1…65535 characters, not only white space.
    public var content: String
    public var contentType: MessageContentType
    public var isForward: Bool

    public init(channel: ThreadChannel = .email, content: String, contentType: MessageContentType = .plainText,
                isForward: Bool = false) {
        self.channel = channel
        self.content = content
        self.contentType = contentType
        self.isForward = isForward
    }
}
