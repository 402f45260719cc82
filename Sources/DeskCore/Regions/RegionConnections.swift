import MariaDB

/// One worker thread's database connections: one per region, opened lazily on first use (DESIGN §1).
///
/// Not `Sendable`: each worker thread creates its own and never shares it. A connection that fails is
/// dropped, so the next use opens a fresh one — the worker recovers by itself when a region's database
/// comes back.
public final class RegionConnections {
    private let options: [RegionID: ConnectionOptions]
    private var open: [RegionID: Connection] = [:]

    public init(config: DeskConfig) {
        options = config.regions.mapValues(\.connectionOptions)
    }

    /// Runs `body` with the region's connection, opening it if needed. When the database cannot be
    /// reached, or the connection is lost during the body, the connection is closed and forgotten and
    /// `RegionError.unavailable` is thrown: the next use reconnects.
    public func with<T>(_ region: RegionID, _ body: (Connection) throws -> T) throws -> T {
        let connection: Connection
        do {
            connection = try self.connection(for: region)
        } catch is MariaDBError {
            throw RegionError.unavailable(region)
        }
        do {
            return try body(connection)
        } catch let error as MariaDBError where error.isConnectionLost {
            drop(region)
            throw RegionError.unavailable(region)
        }
    }

    /// The region's open connection, connecting first when there is none.
    public func connection(for region: RegionID) throws -> Connection {
        if let connection = open[region] { return connection }
        guard let regionOptions = options[region] else { throw RegionError.notConfigured(region) }
        let connection = try Connection(options: regionOptions)
        open[region] = connection
        return connection
    }

    /// Closes and forgets the region's connection, if any.
    public func drop(_ region: RegionID) {
        open.removeValue(forKey: region)?.close()
    }

    /// Closes every connection (at worker shutdown).
    public func closeAll() {
        for region in open.keys { drop(region) }
    }
}

/// Problems with regions themselves, as opposed to their databases.
public enum RegionError: Error, CustomStringConvertible, Equatable {
    /// The region is not in this deployment's config.
    case notConfigured(RegionID)
    /// The region's database cannot be reached right now.
    case unavailable(RegionID)

    public var description: String {
        switch self {
        case .notConfigured(let region): "region \(region) is not configured"
        case .unavailable(let region): "the database of region \(region) is unavailable"
        }
    }
}
