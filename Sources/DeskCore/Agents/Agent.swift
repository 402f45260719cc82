import Foundation
import MariaDB

/// A person who works tickets in one org.
public struct Agent: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let email: String
    public let firstName: String?
    public let lastName: String
    public let role: AgentRole
    public let isActive: Bool
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    public init(id: Int64, orgID: Int64, email: String, firstName: String?, lastName: String, role: AgentRole,
                isActive: Bool, createdAt: Date, updatedAt: Date, version: Int64) {
        self.id = id
        self.orgID = orgID
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.role = role
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), email: try row.decode("email"),
                  firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
                  role: try row.decodeRaw("role"), isActive: try row.decode("is_active"),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  version: try row.decode("version"))
    }

    static let columns: SQL =
        "org_id, id, email, first_name, last_name, role, is_active, created_at, updated_at, version"
}
