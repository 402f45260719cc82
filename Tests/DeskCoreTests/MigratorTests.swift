import DeskCore
import Foundation
import MariaDB
import Testing

/// Runs against a real MariaDB: `DESKD_TEST_MARIADB_DSN` (set by `make test`). Each test works in a
/// database of its own, dropped at the end.
@Suite("Migrator")
struct MigratorTests {
    static func scratchDatabase() throws -> (Connection, drop: () -> Void) {
        guard let dsn = ProcessInfo.processInfo.environment["DESKD_TEST_MARIADB_DSN"] else {
            Issue.record("DESKD_TEST_MARIADB_DSN is not set: run `make test`, which starts MariaDB and sets it")
            throw CancellationError()
        }
        var options = try ConnectionOptions(dsn: dsn)
        let admin = try Connection(options: options)
        let name = "desk_test_migrator_\(UInt32.random(in: 0...UInt32.max))"
        try admin.execute("CREATE DATABASE \(unsafeRaw: name)")   // allow-listed: generated name
        options.database = name
        let connection = try Connection(options: options)
        return (connection, {
            connection.close()
            _ = try? admin.execute("DROP DATABASE \(unsafeRaw: name)")   // allow-listed: generated name
            admin.close()
        })
    }

    static let first = Migration(version: 1, name: "0001_widgets.sql",
                                 sql: "CREATE TABLE widgets (id BIGINT PRIMARY KEY, label VARCHAR(20));")
    static let second = Migration(version: 2, name: "0002_gadgets.sql",
                                  sql: "CREATE TABLE gadgets (id BIGINT PRIMARY KEY);\nINSERT INTO gadgets VALUES (7);")

    @Test("Applying twice applies each file once and changes nothing the second time")
    func idempotent() throws {
        let (connection, drop) = try Self.scratchDatabase()
        defer { drop() }
        let migrator = Migrator(connection: connection, migrations: [Self.first, Self.second])
        #expect(try migrator.status().pending.map(\.name) == ["0001_widgets.sql", "0002_gadgets.sql"])
        #expect(try migrator.migrate().map(\.name) == ["0001_widgets.sql", "0002_gadgets.sql"])
        #expect(try migrator.migrate().isEmpty)
        #expect(try migrator.status().isCurrent)
        let count = try connection.queryFirst("SELECT COUNT(*) AS n FROM gadgets")?.decode("n", as: Int64.self)
        #expect(count == 1)
        let recorded = try connection.query("SELECT name FROM schema_migrations ORDER BY version")
            .map { try $0.decode("name", as: String.self) }
        #expect(recorded == ["0001_widgets.sql", "0002_gadgets.sql"])
    }

    @Test("A changed applied file is reported by name and blocks further migration")
    func changedFile() throws {
        let (connection, drop) = try Self.scratchDatabase()
        defer { drop() }
        try Migrator(connection: connection, migrations: [Self.first]).migrate()
        let edited = Migration(version: 1, name: "0001_widgets.sql", sql: Self.first.sql + "\n-- edited")
        let migrator = Migrator(connection: connection, migrations: [edited, Self.second])
        let status = try migrator.status()
        #expect(status.changed.map(\.name) == ["0001_widgets.sql"])
        #expect(status.problems.contains { $0.contains("0001_widgets.sql") && $0.contains("changed") })
        #expect(throws: MigrationError.self) { try migrator.migrate() }
        let gadgets = try connection.queryFirst(
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'gadgets'")
        #expect(try gadgets?.decode("n", as: Int64.self) == 0)
    }

    @Test("A failing migration is not recorded, and names its file")
    func failingMigration() throws {
        let (connection, drop) = try Self.scratchDatabase()
        defer { drop() }
        let broken = Migration(version: 1, name: "0001_broken.sql", sql: "CREATE TABLE (nonsense;")
        let migrator = Migrator(connection: connection, migrations: [broken])
        #expect {
            try migrator.migrate()
        } throws: { error in
            "\(error)".contains("0001_broken.sql")
        }
        #expect(try migrator.status().pending.map(\.name) == ["0001_broken.sql"])
    }

    @Test("The project's migrations apply cleanly to an empty database")
    func projectMigrations() throws {
        let (connection, drop) = try Self.scratchDatabase()
        defer { drop() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let migrations = try MigrationDirectory.load(from: root.appendingPathComponent("sql").path)
        let migrator = Migrator(connection: connection, migrations: migrations)
        #expect(try migrator.migrate().count == migrations.count)
        #expect(try migrator.status().isCurrent)
    }
}
