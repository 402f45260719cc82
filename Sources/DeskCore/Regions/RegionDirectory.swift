/// Maps request host names to regions (DESIGN §5: the request's Host picks the region).
public struct RegionDirectory: Sendable {
    private let regionByHost: [String: RegionID]

    public init(config: DeskConfig) {
        var map: [String: RegionID] = [:]
        for region in config.regions.values {
            for host in region.hosts { map[host] = region.id }
        }
        regionByHost = map
    }

    /// The region serving `host` (lowercase, without port), or nil when no region lists it.
    public func region(forHost host: String) -> RegionID? {
        regionByHost[host]
    }
}
