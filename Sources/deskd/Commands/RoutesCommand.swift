import ArgumentParser
import DeskAPI
import DeskCore
import Logging

/// `deskd routes`: the HTTP routes the production server registers for a config, one `METHOD PATTERN`
/// per line (sorted by pattern, then method). Builds the router exactly as `deskd serve` does, without
/// listening or connecting to a database; the cross-tenant probe tests are generated from this list.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Print every HTTP route of the server, one `METHOD PATTERN` per line.",
        discussion: """
            The routes depend on the config only through [server] diagnostics (the /_diag routes).
            HEAD is answered by every GET route and is not listed separately.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            for line in Self.lines(config: config) {
                print(line)
            }
        }
    }

    /// The listing's lines for `config`.
    static func lines(config: DeskConfig) -> [String] {
        let logger = Logger(label: "deskd.routes") { _ in SwiftLogNoOpLogHandler() }
        return DeskApplication.makeServer(config: config, logger: logger).router.listing.map(\.description)
    }
}
