import Foundation
import MariaDB

/// A file attached to a ticket (and possibly to one of its threads or comments), or an upload not yet
/// linked to any ticket (`ticketID == nil`, `expiresAt` set). The bytes live in chunk rows; see
/// ``Store/readContent(of:in:_:)``.
public struct Attachment: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// nil while the attachment is an upload not yet linked.
    public let ticketID: Int64?
    public let threadID: Int64?
    public let commentID: Int64?
    /// The file name as the client sent it (directory parts removed), at most 255 characters.
    public let fileName: String
    /// The media type given at upload, e.g. `image/png` (`application/octet-stream` when none or invalid).
    public let contentType: String
    /// The size in bytes.
    public let size: Int64
    /// The SHA-256 of the bytes (32 bytes).
    public let sha256: [UInt8]
    public let isPublic: Bool
    /// The agent who uploaded it.
    public let creatorID: Int64
    /// When an unlinked upload expires; nil once linked.
    public let expiresAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    /// The SHA-256 as 64 lowercase hex digits.
    public var sha256Hex: String {
        sha256.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        ticketID = try row.decode("ticket_id")
        threadID = try row.decode("thread_id")
        commentID = try row.decode("comment_id")
        fileName = try row.decode("file_name")
        contentType = try row.decode("content_type")
        size = try row.decode("size")
        sha256 = try row.decode("sha256")
        isPublic = try row.decode("is_public")
        creatorID = try row.decode("creator_id")
        expiresAt = try row.decode("expires_at")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        version = try row.decode("version")
    }

    static let columns: SQL = """
        org_id, id, ticket_id, thread_id, comment_id, file_name, content_type, size, sha256, is_public, \
        creator_id, expires_at, created_at, updated_at, version
        """
}
