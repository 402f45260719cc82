import Foundation
import MariaDB

/// A tenant: one help desk, living in exactly one region.
public struct Org: Sendable, Equatable {
    public let id: Int64
    /// The portal name, `^[a-z0-9][a-z0-9-]{1,62}$`, unique in its region.
    public let portal: String
    public let name: String
    public let region: RegionID
    /// Days a trashed record stays in the recycle bin before it is purged (1…3650, default 60).
    public let recycleBinRetentionDays: Int
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write; the ETag.
    public let version: Int64

    /// The allowed recycle-bin retention, in days.
    public static let retentionDays = 1...3650
    /// The retention of a new org, in days.
    public static let defaultRetentionDays = 60

    public init(id: Int64, portal: String, name: String, region: RegionID,
                recycleBinRetentionDays: Int = Org.defaultRetentionDays, createdAt: Date, updatedAt: Date? = nil,
                version: Int64 = 1) {
        self.id = id
        self.portal = portal
        self.name = name
        self.region = region
        self.recycleBinRetentionDays = recycleBinRetentionDays
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }

    init(row: Row) throws {
        let regionText = try row.decode("region", as: String.self)
        guard let region = RegionID(rawValue: regionText) else {
            throw RowDecodingError(column: "region", expected: "RegionID", found: "unknown region")
        }
        self.init(id: try row.decode("id"), portal: try row.decode("portal"), name: try row.decode("name"),
                  region: region, recycleBinRetentionDays: try row.decode("recycle_bin_retention_days"),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  version: try row.decode("version"))
    }

    static let columns: SQL = "id, portal, name, region, recycle_bin_retention_days, created_at, updated_at, version"
}

/// A change of an org's settings: nil leaves a field as it is.
public struct OrgChanges: Sendable, Equatable {
    /// The display name (Zoho Desk's `companyName`), 1…255 characters.
    public var name: String?
    public var recycleBinRetentionDays: Int?

    public init(name: String? = nil, recycleBinRetentionDays: Int? = nil) {
        self.name = name
        self.recycleBinRetentionDays = recycleBinRetentionDays
    }
}
