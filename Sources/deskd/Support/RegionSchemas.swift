import DeskCore
import MariaDB

/// Migration status and migration across the configured regions, for `db migrate`, `db status` and the
/// start-up check of `serve`. Opens one short-lived connection per region.
struct RegionSchemas {
    let config: DeskConfig
    let migrations: [Migration]

    /// Loads the migration files named by the config.
    init(config: DeskConfig) throws {
        self.config = config
        do {
            migrations = try MigrationDirectory.load(from: config.database.migrations)
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// Runs `body` with a migrator on the region's database.
    func withMigrator<T>(_ region: RegionID, _ body: (Migrator) throws -> T) throws -> T {
        guard let options = config.regions[region]?.connectionOptions else {
            throw CLIFailure("region \(region) is not configured")
        }
        let connection: Connection
        do {
            connection = try Connection(options: options)
        } catch {
            throw CLIFailure("region \(region): cannot connect to its database: \(error)")
        }
        defer { connection.close() }
        do {
            return try body(Migrator(connection: connection, migrations: migrations))
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("region \(region): \(error)")
        }
    }

    /// The regions a `--region` / `--all` pair selects.
    static func select(region: String?, all: Bool, in config: DeskConfig) throws -> [RegionID] {
        if all { return config.activeRegions }
        guard let region else { throw CLIFailure("name a region with --region R, or use --all") }
        guard let id = RegionID(rawValue: region), config.regions[id] != nil else {
            let active = config.activeRegions.map(\.rawValue).joined(separator: ", ")
            throw CLIFailure("region \(region) is not configured (configured: \(active))")
        }
        return [id]
    }
}
