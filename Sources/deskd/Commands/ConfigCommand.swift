import ArgumentParser

/// `deskd config …`: the config file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Config file tasks.",
        subcommands: [ConfigCheckCommand.self]
    )
}

/// `deskd config check`: validates the config and names the bad key and why.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config file (and environment overrides); name the bad key and why."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            let regions = config.activeRegions.map(\.rawValue).joined(separator: ", ")
            print("config ok: regions \(regions); \(config.server.workers) workers")
        }
    }
}
