import Foundation
import MariaDB

/// A tenant: one help desk, living in exactly one region.
public struct Org: Sendable, Equatable {
    public let id: Int64
    /// The portal name, `^[a-z0-9][a-z0-9-]{1,62}$`, unique in its region.
    public let portal: String
    public let name: String
    public let region: RegionID
    public let createdAt: Date

    public init(id: Int64, portal: String, name: String, region: RegionID, createdAt: Date) {
        self.id = id
        self.portal = portal
        self.name = name
        self.region = region
        self.createdAt = createdAt
    }

    init(row: Row) throws {
        let regionText = try row.decode("region", as: String.self)
        guard let region = RegionID(rawValue: regionText) else {
            throw RowDecodingError(column: "region", expected: "RegionID", found: "unknown region")
        }
        self.init(id: try row.decode("id"), portal: try row.decode("portal"), name: try row.decode("name"),
                  region: region, createdAt: try row.decode("created_at"))
    }

    static let columns: SQL = "id, portal, name, region, created_at"
}
