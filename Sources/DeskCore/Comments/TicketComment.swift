import Foundation
import MariaDB

/// An agent's note on a ticket (a Zoho Desk comment), public or private.
public struct TicketComment: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let ticketID: Int64
    public let content: String
    public let contentType: MessageContentType
    public let isPublic: Bool
    public let commenterID: Int64
    public let commenterType: AuthorType
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write.
    public let version: Int64

    init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        ticketID = try row.decode("ticket_id")
        content = try row.decode("content")
        contentType = try row.decodeRaw("content_type")
        isPublic = try row.decode("is_public")
        commenterID = try row.decode("commenter_id")
        commenterType = try row.decodeRaw("commenter_type")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        version = try row.decode("version")
    }

    static let columns: SQL = """
        org_id, id, ticket_id, content, content_type, is_public, commenter_id, commenter_type, created_at, \
        updated_at, version
        """
}
