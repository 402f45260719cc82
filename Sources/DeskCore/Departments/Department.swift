import Foundation
import MariaDB

/// A team of an org's agents that tickets are routed to. Disabled rather than deleted while tickets
/// point at it.
public struct Department: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// At most 100 characters, unique (case-insensitive) among the org's live departments.
    public let name: String
    public let description: String?
    public let isEnabled: Bool
    /// The department `deskd org create` made; it cannot be disabled.
    public let isDefault: Bool
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write, association changes included; the ETag.
    public let version: Int64

    public init(id: Int64, orgID: Int64, name: String, description: String?, isEnabled: Bool, isDefault: Bool,
                createdAt: Date, updatedAt: Date, version: Int64) {
        self.id = id
        self.orgID = orgID
        self.name = name
        self.description = description
        self.isEnabled = isEnabled
        self.isDefault = isDefault
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), name: try row.decode("name"),
                  description: try row.decode("description"), isEnabled: try row.decode("is_enabled"),
                  isDefault: try row.decode("is_default"), createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
    }

    static let columns: SQL =
        "org_id, id, name, description, is_enabled, is_default, created_at, updated_at, version"
}
