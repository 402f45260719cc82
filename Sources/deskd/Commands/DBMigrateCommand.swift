import ArgumentParser
import DeskCore

/// `deskd db migrate --region R | --all`: applies pending migrations, each once, in order.
struct DBMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending sql/NNNN_*.sql migrations to one region or all."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The region to migrate (us, eu, in, au, cn).")
    var region: String?

    @Flag(help: "Migrate every configured region.")
    var all = false

    func validate() throws {
        if all == (region != nil) {
            throw ValidationError("Give exactly one of --region R or --all.")
        }
    }

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            let schemas = try RegionSchemas(config: config)
            for region in try RegionSchemas.select(region: region, all: all, in: config) {
                let applied = try schemas.withMigrator(region) { try $0.migrate() }
                if applied.isEmpty {
                    print("region \(region): up to date")
                } else {
                    for migration in applied { print("region \(region): applied \(migration.name)") }
                }
            }
        }
    }
}
