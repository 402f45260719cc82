import MariaDB

/// Applies migrations to one region's database, each once, in order, recording each with its checksum.
///
/// MariaDB commits DDL implicitly, so a migration cannot be rolled back: each file should hold one DDL
/// statement, or statements that are safe to re-run (`IF NOT EXISTS`). A migration is recorded only after
/// it ran without error. Concurrent migrators on the same database serialise on a named lock.
public struct Migrator {
    static let lockName = "deskd.schema_migrations"
    static let lockTimeoutSeconds = 60

    private let connection: Connection
    private let migrations: [Migration]

    public init(connection: Connection, migrations: [Migration]) {
        self.connection = connection
        self.migrations = migrations
    }

    /// Compares the database with the files, without changing anything but creating the
    /// (empty) bookkeeping table when missing.
    public func status() throws -> MigrationStatus {
        try ensureTable()
        let applied = try appliedMigrations()
        let appliedByVersion = Dictionary(applied.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var status = MigrationStatus()
        for migration in migrations {
            if let record = appliedByVersion[migration.version] {
                if record.checksum == migration.checksum {
                    status.applied.append(migration)
                } else {
                    status.changed.append(migration)
                }
            } else {
                status.pending.append(migration)
            }
        }
        let versions = Set(migrations.map(\.version))
        status.missing = applied.filter { !versions.contains($0.version) }
        return status
    }

    /// Applies every pending migration and returns them. Refuses (throws) while an applied file was
    /// changed or removed: the schema would no longer match the files.
    @discardableResult
    public func migrate() throws -> [Migration] {
        try withLock {
            let current = try status()
            guard current.changed.isEmpty, current.missing.isEmpty else {
                throw MigrationError(problems: current.problems.filter { !$0.hasSuffix("is pending") })
            }
            for migration in current.pending {
                do {
                    try connection.executeScript(migration.sql)
                } catch {
                    throw MigrationError(problems: ["\(migration.name) failed: \(error)"])
                }
                try connection.execute("""
                    INSERT INTO schema_migrations (version, name, checksum, applied_at)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum), UTC_TIMESTAMP(6))
                    """)
            }
            return current.pending
        }
    }

    private func ensureTable() throws {
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INT UNSIGNED NOT NULL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                checksum CHAR(64) NOT NULL,
                applied_at DATETIME(6) NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """)
    }

    private func appliedMigrations() throws -> [AppliedMigration] {
        try connection.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version").map { row in
            AppliedMigration(version: try row.decode("version"), name: try row.decode("name"),
                             checksum: try row.decode("checksum"))
        }
    }

    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let acquired = try connection.queryFirst("""
            SELECT GET_LOCK(\(Self.lockName), \(Self.lockTimeoutSeconds)) AS got
            """)
        guard let acquired, try acquired.decode("got", as: Int?.self) == 1 else {
            throw MigrationError(problems: ["another migration holds the lock \(Self.lockName); try again later"])
        }
        defer { _ = try? connection.queryFirst("""
            SELECT RELEASE_LOCK(\(Self.lockName)) AS released
            """) }
        return try body()
    }
}

/// Why migrating a region failed, naming the files concerned.
public struct MigrationError: Error, CustomStringConvertible, Equatable {
    public let problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}
