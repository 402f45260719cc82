import Foundation
import MariaDB

/// A place in the org's hierarchy of roles. Every org has the top role (id ``topRoleID``, "CEO", not a
/// row); the others report to it or to one another. An agent sees the records of agents in roles below
/// its own under `private` sharing (and of its peers when its role shares data with peers).
public struct Role: Sendable, Equatable {
    /// The top role every org has.
    public static let topRoleID: Int64 = 1
    /// The top role's name.
    public static let topRoleName = "CEO"

    public let id: Int64
    public let name: String
    public let description: String?
    /// The parent role; nil for the top role.
    public let reportsTo: Int64?
    /// Agents of this role see one another's records.
    public let shareDataWithPeers: Bool
    public let createdAt: Date?
    public let updatedAt: Date?
    public let version: Int64

    public init(id: Int64, name: String, description: String?, reportsTo: Int64?, shareDataWithPeers: Bool,
                createdAt: Date?, updatedAt: Date?, version: Int64) {
        self.id = id
        self.name = name
        self.description = description
        self.reportsTo = reportsTo
        self.shareDataWithPeers = shareDataWithPeers
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The top role.
    public static let top = Role(id: topRoleID, name: topRoleName, description: "The top of the role hierarchy.",
                                 reportsTo: nil, shareDataWithPeers: false, createdAt: nil, updatedAt: nil, version: 1)

    init(row: Row) throws {
        self.init(id: try row.decode("id"), name: try row.decode("name"), description: try row.decode("description"),
                  reportsTo: try row.decode("reports_to"), shareDataWithPeers: try row.decode("share_data_with_peers"),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  version: try row.decode("version"))
    }

    static let columns: SQL = "id, name, description, reports_to, share_data_with_peers, created_at, updated_at, version"
}

/// The org's roles as a tree, for "below" questions.
public struct RoleTree: Sendable {
    /// The children of each role.
    private let children: [Int64: [Int64]]

    /// The tree of `roles` under the top role (a role whose parent is unknown hangs under the top role).
    public init(_ roles: [Role]) {
        let known = Set(roles.map(\.id)).union([Role.topRoleID])
        var children: [Int64: [Int64]] = [:]
        for role in roles where role.id != Role.topRoleID {
            let parent = role.reportsTo.flatMap { known.contains($0) ? $0 : nil } ?? Role.topRoleID
            children[parent, default: []].append(role.id)
        }
        self.children = children
    }

    /// The roles below `role` (not itself), at any depth.
    public func below(_ role: Int64) -> Set<Int64> {
        var result: Set<Int64> = []
        var pending = children[role] ?? []
        while let next = pending.popLast() {
            guard result.insert(next).inserted else { continue }
            pending.append(contentsOf: children[next] ?? [])
        }
        return result
    }

    /// `role` and the roles below it.
    public func subtree(_ role: Int64) -> Set<Int64> {
        below(role).union([role])
    }
}
