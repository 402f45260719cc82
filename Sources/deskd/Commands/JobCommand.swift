import ArgumentParser
import DeskCore
import Logging

/// `deskd job …`: run a job once, as the scheduler of `deskd serve` would.
struct JobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job",
        abstract: "Run jobs once.",
        subcommands: [JobRunCommand.self]
    )
}

/// `deskd job run NAME [--region R]`: one run of a job. Jobs: `mail-delivery` (send every due email of
/// the outbox, then exit).
struct JobRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a job once: mail-delivery.",
        discussion: """
            mail-delivery: sends the due emails of the outbox through [mail]
            (sendmail, or the file sink) in batches until none is due, in the
            named region or every region, and prints the counts. Safe while
            `deskd serve` delivers too: each email is claimed by one deliverer.
            """
    )

    static let jobs = ["mail-delivery"]

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job: mail-delivery.")
    var name: String

    @Option(help: "Only this region (default: every configured region).")
    var region: String?

    func validate() throws {
        guard Self.jobs.contains(name) else {
            throw ValidationError("unknown job \(name) (jobs: \(Self.jobs.joined(separator: ", ")))")
        }
    }

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            let logger = Logger(label: "deskd.job", factory: { _ in SwiftLogNoOpLogHandler() })
            let delivery = MailDelivery(config: config.mail, logger: logger)
            let regions = try RegionSchemas.select(region: region, all: region == nil, in: config)
            for region in regions {
                var total = MailDelivery.Outcome()
                try RegionStoreOpener(config: config).withStore(region: region.rawValue) { store, _ in
                    while true {
                        let outcome = try delivery.runBatch(store: store)
                        total.sent += outcome.sent
                        total.failed += outcome.failed
                        if outcome.claimed < delivery.batchSize { break }
                    }
                }
                print("region \(region): \(total.sent) sent, \(total.failed) failed")
            }
        }
    }
}
