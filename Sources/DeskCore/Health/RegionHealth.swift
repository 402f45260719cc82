import MariaDB

/// The state of a region's database as seen from one worker.
public enum RegionStatus: String, Sendable, Equatable, Encodable {
    case ok
    case unreachable
}

extension RegionConnections {
    /// Pings the region's database (connecting if needed). Any failure drops the connection, so a later
    /// check reconnects: health recovers without restarting deskd.
    public func status(of region: RegionID) -> RegionStatus {
        do {
            try with(region) { try $0.ping() }
            return .ok
        } catch {
            drop(region)
            return .unreachable
        }
    }
}
