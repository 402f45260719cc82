import ArgumentParser

/// The `deskd` command: the responder and every ops task, as subcommands.
@main
struct Deskd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deskd",
        abstract: "deskd — a self-hosted, multi-tenant help desk built around the GDPR.",
        discussion: """
            The config file comes from --config or the DESKD_CONFIG environment variable;
            DESKD_<SECTION>_<KEY> variables override single values (see README).
            """,
        subcommands: [ServeCommand.self, DBCommand.self, ConfigCommand.self, OrgCommand.self, TokenCommand.self, ClientCommand.self,
                      JobCommand.self,
                      RoutesCommand.self]
    )
}
