import Foundation
import MariaDB

/// One reply on a ticket (a Zoho Desk thread).
public struct TicketThread: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let ticketID: Int64
    public let direction: ThreadDirection
    public let channel: ThreadChannel
    public let content: String
    public let contentType: MessageContentType
    public let authorType: AuthorType
    public let authorID: Int64
    public let visibility: ThreadVisibility
    public let isForward: Bool
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    /// The first 100 characters of the content as plain text (HTML tags removed, white space collapsed).
    public var summary: String { ContentSummary.of(content, contentType: contentType) }

    init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        ticketID = try row.decode("ticket_id")
        direction = try row.decodeRaw("direction")
        channel = try row.decodeRaw("channel")
        content = try row.decode("content")
        contentType = try row.decodeRaw("content_type")
        authorType = try row.decodeRaw("author_type")
        authorID = try row.decode("author_id")
        visibility = try row.decodeRaw("visibility")
        isForward = try row.decode("is_forward")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        version = try row.decode("version")
    }

    static let columns: SQL = """
        org_id, id, ticket_id, direction, channel, content, content_type, author_type, author_id, visibility, \
        is_forward, created_at, updated_at, version
        """
}
