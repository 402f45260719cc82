import DeskCore

/// A comment as the API renders it: `id`, `content`, `contentType`, `isPublic`, `commenter{id,type}`,
/// `commentedTime`, `modifiedTime`, `attachments` (in lists and single comments); with `type` "comment"
/// (and no attachments) as an item of a ticket's conversations.
struct CommentJSON: Encodable {
    let comment: TicketComment
    var withType = false
    /// Rendered as `attachments` when set (comment lists and single comments).
    var attachments: [Attachment]? = nil

    init(comment: TicketComment, withType: Bool = false, attachments: [Attachment]? = nil) {
        self.comment = comment
        self.withType = withType
        self.attachments = attachments
    }

    private enum Key: String, CodingKey {
        case type, id, content, contentType, isPublic, commenter, commentedTime, modifiedTime, attachments
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        if withType { try container.encode("comment", forKey: .type) }
        try container.encode(String(comment.id), forKey: .id)
        try container.encode(comment.content, forKey: .content)
        try container.encode(comment.contentType.rawValue, forKey: .contentType)
        try container.encode(comment.isPublic, forKey: .isPublic)
        try container.encode(AuthorJSON(id: String(comment.commenterID), type: comment.commenterType.rawValue),
                             forKey: .commenter)
        try container.encode(APITime.format(comment.createdAt), forKey: .commentedTime)
        try container.encode(APITime.format(comment.updatedAt), forKey: .modifiedTime)
        if let attachments { try container.encode(attachments.map(AttachmentJSON.init), forKey: .attachments) }
    }
}
