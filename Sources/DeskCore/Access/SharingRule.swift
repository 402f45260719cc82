import Foundation
import MariaDB

/// A sharing rule: the records of a shared module owned by agents in `fromRoleID` (and the roles below
/// it) are shared with the agents of `toRoleID` (and the roles below it), read-only or read/write.
public struct SharingRule: Sendable, Equatable {
    public let id: Int64
    public let module: AccessModule
    public let fromRoleID: Int64
    public let toRoleID: Int64
    public let access: SharingRuleAccess
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    public init(id: Int64, module: AccessModule, fromRoleID: Int64, toRoleID: Int64, access: SharingRuleAccess,
                createdAt: Date, updatedAt: Date, version: Int64) {
        self.id = id
        self.module = module
        self.fromRoleID = fromRoleID
        self.toRoleID = toRoleID
        self.access = access
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// nil for a row naming a module or access this deskd does not know.
    init?(row: Row) throws {
        guard let module = AccessModule(rawValue: try row.decode("module")),
              let access = SharingRuleAccess(rawValue: try row.decode("access")) else { return nil }
        self.init(id: try row.decode("id"), module: module, fromRoleID: try row.decode("from_role_id"),
                  toRoleID: try row.decode("to_role_id"), access: access, createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
    }

    static let columns: SQL = "id, module, from_role_id, to_role_id, access, created_at, updated_at, version"

    /// The audited fields as text, in a fixed order.
    var auditValues: [(field: String, value: String)] {
        [("module", module.rawValue), ("fromRoleId", String(fromRoleID)), ("toRoleId", String(toRoleID)),
         ("access", access.rawValue)]
    }
}

/// The fields of a new sharing rule (all required).
public struct SharingRuleDraft: Sendable, Equatable {
    public var module: AccessModule
    public var fromRoleID: Int64
    public var toRoleID: Int64
    public var access: SharingRuleAccess

    public init(module: AccessModule, fromRoleID: Int64, toRoleID: Int64, access: SharingRuleAccess) {
        self.module = module
        self.fromRoleID = fromRoleID
        self.toRoleID = toRoleID
        self.access = access
    }
}
