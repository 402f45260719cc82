import DeskCore
import DeskHTTP

/// One `IDGenerator` per configured region for this process, shared by every worker: IDs are unique per
/// (region, node), so two workers of one process must never have generators of their own.
struct RegionIDGenerators: Sendable {
    private let generators: [RegionID: IDGenerator]

    /// Generators for the config's regions with node `server.node`.
    init(config: DeskConfig) {
        let node = UInt8(clamping: max(0, min(config.server.node, Int(IDGenerator.maxNode))))
        var generators: [RegionID: IDGenerator] = [:]
        for region in config.activeRegions {
            generators[region] = IDGenerator(region: region, node: node)
        }
        self.generators = generators
    }

    /// The region's generator; a region without one is a wiring error (500).
    func generator(for region: RegionID) throws -> IDGenerator {
        guard let generator = generators[region] else { throw HTTPError.internalServerError() }
        return generator
    }
}
