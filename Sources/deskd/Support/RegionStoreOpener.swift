import DeskCore
import MariaDB

/// Opens a `Store` on one region's database for a CLI command: one short-lived connection, IDs from
/// node 0 (reserved for CLI commands, see `IDGenerator`).
struct RegionStoreOpener {
    let config: DeskConfig

    /// Runs `body` with a store on `regionName`'s database; errors become operator messages.
    func withStore<T>(region regionName: String, _ body: (Store, RegionID) throws -> T) throws -> T {
        let region = try RegionSchemas.select(region: regionName, all: false, in: config)[0]
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
        let store = Store(connection: connection, ids: IDGenerator(region: region, node: 0))
        do {
            return try body(store, region)
        } catch let failure as CLIFailure {
            throw failure
        } catch let error as StoreError {
            throw CLIFailure("region \(region): \(error)")
        } catch {
            throw CLIFailure("region \(region): \(error)")
        }
    }
}
