import DeskCore
import DeskHTTP

/// Reads the body of `POST /api/v1/tickets/{id}/sendReply` strictly:
/// `{"channel":"EMAIL","content":"…","contentType":"plainText"|"html","isForward":false}`; `channel` and
/// `content` are required, `contentType` defaults to plainText; `attachmentIds` lists uploads to link.
/// Problems are 422 `INVALID_DATA`.
enum ReplyInput {
    static let fields: Set<String> = ["channel", "content", "contentType", "isForward", AttachmentIDsInput.field]
    static let channels = ThreadChannel.agentReplyChannels.map(\.rawValue)

    static func draft(from request: HTTPRequest) throws -> ReplyDraft {
        let body = try JSONBody(request, allowed: fields)
        let channel = body.enumValue("channel", ThreadChannel.self, allowed: channels)
        if !body.has("channel") {
            body.fail("channel", "missing", "The field is required.")
        } else if case .some(.none) = channel {
            body.fail("channel", "invalid", "The channel must not be null.")
        }
        let content = MessageInput.content(body, required: true)
        let contentType = MessageInput.contentType(body)
        let isForward = body.bool("isForward")
        let attachmentIDs = AttachmentIDsInput.ids(body)
        try body.finish()
        return ReplyDraft(channel: (channel ?? nil) ?? .email, content: content ?? "",
                          contentType: contentType ?? .plainText, isForward: isForward ?? false,
                          attachmentIDs: attachmentIDs)
    }
}
