import DeskCore

/// One item of `GET /api/v1/tickets/{id}/conversations`: a thread (list shape) or a comment, with `type`.
struct ConversationJSON: Encodable {
    let item: Conversation

    func encode(to encoder: any Encoder) throws {
        switch item {
        case .thread(let thread): try ThreadJSON(thread: thread, withType: true).encode(to: encoder)
        case .comment(let comment): try CommentJSON(comment: comment, withType: true).encode(to: encoder)
        }
    }
}
