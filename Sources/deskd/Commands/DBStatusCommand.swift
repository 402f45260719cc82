import ArgumentParser
import DeskCore

/// `deskd db status [--region R]`: applied, pending and changed migrations per region.
struct DBStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each region's migrations: applied, pending, changed. Exit 1 unless all are current."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this region (default: all configured regions).")
    var region: String?

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            let schemas = try RegionSchemas(config: config)
            var current = true
            for region in try RegionSchemas.select(region: region, all: region == nil, in: config) {
                let status = try schemas.withMigrator(region) { try $0.status() }
                print("region \(region): \(status.applied.count) applied, \(status.pending.count) pending")
                for problem in status.problems { print("  \(problem)") }
                current = current && status.isCurrent
            }
            if !current { throw ExitCode.failure }
        }
    }
}
