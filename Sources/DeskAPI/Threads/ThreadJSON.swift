import DeskCore

/// A thread as the API renders it: `id`, `channel`, `direction`, `summary` (the first 100 characters of
/// its plain text), `createdTime`, `author{id,type}`, `visibility`, `contentType`, `isForward`, and — for
/// a single thread — the full `content` and its `attachments`. With `type`, an item of a ticket's
/// conversations.
struct ThreadJSON: Encodable {
    let thread: TicketThread
    var withContent = false
    var withType = false
    /// Rendered as `attachments` when set (single threads).
    var attachments: [Attachment]? = nil

    init(thread: TicketThread, withContent: Bool = false, withType: Bool = false, attachments: [Attachment]? = nil) {
        self.thread = thread
        self.withContent = withContent
        self.withType = withType
        self.attachments = attachments
    }

    private enum Key: String, CodingKey {
        case type, id, channel, direction, summary, content, createdTime, author, visibility, contentType, isForward
        case attachments
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        if withType { try container.encode("thread", forKey: .type) }
        try container.encode(String(thread.id), forKey: .id)
        try container.encode(thread.channel.rawValue, forKey: .channel)
        try container.encode(thread.direction.rawValue, forKey: .direction)
        try container.encode(thread.summary, forKey: .summary)
        if withContent { try container.encode(thread.content, forKey: .content) }
        try container.encode(APITime.format(thread.createdAt), forKey: .createdTime)
        try container.encode(AuthorJSON(id: String(thread.authorID), type: thread.authorType.rawValue), forKey: .author)
        try container.encode(thread.visibility.rawValue, forKey: .visibility)
        try container.encode(thread.contentType.rawValue, forKey: .contentType)
        try container.encode(thread.isForward, forKey: .isForward)
        if let attachments { try container.encode(attachments.map(AttachmentJSON.init), forKey: .attachments) }
    }
}

/// Who wrote a thread or a comment: `{"id","type"}` (`AGENT` or `END_USER`).
struct AuthorJSON: Encodable {
    let id: String
    let type: String
}
