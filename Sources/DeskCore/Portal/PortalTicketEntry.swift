import Foundation

/// One item of the public conversation of a ticket as its end user sees it: the ticket's description
/// (the first item), a reply (a public thread, by an agent or by an end user) or a public comment.
public struct PortalTicketEntry: Sendable, Equatable {
    /// What the item is.
    public enum Kind: String, Sendable {
        /// The ticket's description, as submitted (id = the ticket's id).
        case description
        /// A public thread.
        case reply
        /// A public comment.
        case comment
    }

    /// Who wrote the item, as the end user sees it.
    public enum Author: Sendable, Equatable {
        /// The signed-in end user.
        case you
        /// An agent, with the display name ("First Last", or the last name alone).
        case agent(name: String)
        /// Another contact of the org (e.g. one copied on the ticket), by display name.
        case contact(name: String)
        /// An author whose record no longer exists.
        case unknown
    }

    public let kind: Kind
    public let id: Int64
    public let createdAt: Date
    public let author: Author
    /// The content as plain text (HTML content converted: tags dropped, entities decoded, line breaks
    /// kept); the page escapes it.
    public let text: String
    /// The attachments of the item the end user may download, oldest first.
    public let attachments: [Attachment]

    public init(kind: Kind, id: Int64, createdAt: Date, author: Author, text: String, attachments: [Attachment]) {
        self.kind = kind
        self.id = id
        self.createdAt = createdAt
        self.author = author
        self.text = text
        self.attachments = attachments
    }
}
