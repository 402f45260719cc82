import Foundation
import MariaDB

/// A profile as the admin API shows it: one of the built-in profiles (``BuiltInProfile``, not rows) or a
/// custom profile of the org (a row of `profiles`, cloned from another profile and then edited).
public struct Profile: Sendable, Equatable {
    public let id: Int64
    /// At most 100 characters, unique (case-insensitive) among the org's profiles, built-in ones included.
    public let name: String
    public let description: String?
    /// The profile this one was cloned from; nil for a built-in profile.
    public let clonedFrom: Int64?
    public let permissions: ProfilePermissions
    /// Built-in profiles cannot be changed or deleted, only cloned.
    public let isBuiltIn: Bool
    /// nil for a built-in profile.
    public let createdAt: Date?
    /// nil for a built-in profile.
    public let updatedAt: Date?
    public let version: Int64

    public init(id: Int64, name: String, description: String?, clonedFrom: Int64?, permissions: ProfilePermissions,
                isBuiltIn: Bool, createdAt: Date?, updatedAt: Date?, version: Int64) {
        self.id = id
        self.name = name
        self.description = description
        self.clonedFrom = clonedFrom
        self.permissions = permissions
        self.isBuiltIn = isBuiltIn
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The built-in profile as a ``Profile``.
    public init(_ builtIn: BuiltInProfile) {
        self.init(id: builtIn.rawValue, name: builtIn.name, description: builtIn.description, clonedFrom: nil,
                  permissions: builtIn.permissions, isBuiltIn: true, createdAt: nil, updatedAt: nil, version: 1)
    }

    init(row: Row) throws {
        self.init(id: try row.decode("id"), name: try row.decode("name"), description: try row.decode("description"),
                  clonedFrom: try row.decode("cloned_from"),
                  permissions: try ProfilePermissions(storedText: row.decode("permissions")), isBuiltIn: false,
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  version: try row.decode("version"))
    }

    static let columns: SQL = "id, name, description, cloned_from, permissions, created_at, updated_at, version"

    /// The most characters of a name.
    public static let maxName = 100
    /// The most characters of a description.
    public static let maxDescription = 1_000

    /// The audited fields as text, in a fixed order.
    var auditValues: [(field: String, value: String?)] {
        [("name", name), ("description", description), ("clonedFrom", clonedFrom.map(String.init)),
         ("permissions", permissions.storedText)]
    }
}
