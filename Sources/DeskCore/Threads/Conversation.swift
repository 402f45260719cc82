import Foundation

/// One item of a ticket's conversation: a thread or a comment.
public enum Conversation: Sendable, Equatable {
    case thread(TicketThread)
    case comment(TicketComment)

    /// When the item was created: the conversation's order (ties by id).
    public var createdAt: Date {
        switch self {
        case .thread(let thread): thread.createdAt
        case .comment(let comment): comment.createdAt
        }
    }

    public var id: Int64 {
        switch self {
        case .thread(let thread): thread.id
        case .comment(let comment): comment.id
        }
    }
}
