import ArgumentParser

/// `deskd db …`: the regions' schemas.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Database schema tasks.",
        subcommands: [DBMigrateCommand.self, DBStatusCommand.self]
    )
}
