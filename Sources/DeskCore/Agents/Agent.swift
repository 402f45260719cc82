import Foundation
import MariaDB

/// A person who works tickets in one org.
public struct Agent: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// Unique in the org (case-insensitive); changed only through an email-change request, never edited.
    public let email: String
    public let firstName: String?
    public let lastName: String
    /// The agent's profile: a ``BuiltInProfile`` id or a custom profile's.
    public let profileID: Int64
    /// The agent's place in the role hierarchy (``Role/topRoleID`` unless set).
    public let roleID: Int64
    /// False once deactivated: the agent's access tokens stop working.
    public let isActive: Bool
    public let phone: String?
    public let mobile: String?
    /// A BCP 47 language tag such as `en` or `ja-JP`, when set.
    public let langCode: String?
    /// An IANA time zone such as `Asia/Tokyo`, when set.
    public let timeZone: String?
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write; the ETag.
    public let version: Int64

    public init(id: Int64, orgID: Int64, email: String, firstName: String?, lastName: String,
                profileID: Int64 = BuiltInProfile.agent.rawValue, roleID: Int64 = Role.topRoleID, isActive: Bool, phone: String? = nil, mobile: String? = nil, langCode: String? = nil,
                timeZone: String? = nil, createdAt: Date, updatedAt: Date, version: Int64) {
        self.id = id
        self.orgID = orgID
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.profileID = profileID
        self.roleID = roleID
        self.isActive = isActive
        self.phone = phone
        self.mobile = mobile
        self.langCode = langCode
        self.timeZone = timeZone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// Whether the agent has the Administrator profile.
    public var isAdministrator: Bool { profileID == BuiltInProfile.administrator.rawValue }

    /// `ACTIVE` or `DISABLED`, as the API names it.
    public var status: AgentStatus { isActive ? .active : .disabled }

    init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), email: try row.decode("email"),
                  firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
                  profileID: try row.decode("profile_id"), roleID: try row.decode("role_id"), isActive: try row.decode("is_active"),
                  phone: try row.decode("phone"), mobile: try row.decode("mobile"),
                  langCode: try row.decode("lang_code"), timeZone: try row.decode("time_zone"),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  version: try row.decode("version"))
    }

    static let columns: SQL = """
        org_id, id, email, first_name, last_name, profile_id, role_id, is_active, phone, mobile, lang_code, time_zone, \
        created_at, updated_at, version
        """
}
