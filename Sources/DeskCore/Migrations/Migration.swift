/// One schema migration file, `NNNN_description.sql` (DESIGN §2): the same schema for every region.
public struct Migration: Sendable, Equatable {
    /// The number the file name starts with; migrations apply in this order.
    public let version: Int
    /// The file name, e.g. `0001_orgs.sql`.
    public let name: String
    /// The SQL text (one or more statements).
    public let sql: String
    /// SHA-256 of the file's bytes, hex: recorded when applied, compared ever after.
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256Digest.hex(Array(sql.utf8))
    }
}

/// A migration as recorded in a region's `schema_migrations` table.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
}

/// How a region's database compares with the migration files.
public struct MigrationStatus: Sendable, Equatable {
    /// Files applied and unchanged.
    public var applied: [Migration] = []
    /// Files not applied yet, in order.
    public var pending: [Migration] = []
    /// Files applied whose content has changed since (checksum mismatch).
    public var changed: [Migration] = []
    /// Migrations recorded in the database with no file any more.
    public var missing: [AppliedMigration] = []

    /// True when the database matches the files exactly: nothing pending, changed or missing.
    public var isCurrent: Bool { pending.isEmpty && changed.isEmpty && missing.isEmpty }

    /// Human-readable problems, one per line, naming the files.
    public var problems: [String] {
        changed.map { "applied migration \($0.name) was changed after it was applied (checksum differs)" }
            + missing.map { "applied migration \($0.name) has no file any more" }
            + pending.map { "migration \($0.name) is pending" }
    }
}
