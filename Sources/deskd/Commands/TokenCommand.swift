import ArgumentParser
import DeskCore

/// `deskd token …`: agent API access tokens.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Agent API access tokens.",
        subcommands: [TokenCreateCommand.self]
    )
}

/// `deskd token create`: a new access token for an agent, printed alone on standard output.
struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an access token for an agent and print it alone on standard output.",
        discussion: """
            Only the token's SHA-256 is stored: the printed token cannot be shown again. Without --scopes
            the token holds every OAuth scope (an administrator's own token); with --scopes only those.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The org's region (us, eu, in, au, cn).")
    var region: String

    @Option(help: "The org's portal name.")
    var portal: String

    @Option(help: "The agent's email address.")
    var agent: String

    @Option(help: "How long the token is valid: e.g. 90s, 30m, 1h, 7d.")
    var ttl = TimeToLive(argument: "1h")!

    @Option(help: "Comma-separated OAuth scopes the token holds, e.g. Desk.tickets.READ (default: every scope).")
    var scopes: String?

    func run() throws {
        try failingClearly {
            var scope = TokenScope.all
            if let scopes {
                guard let list = OAuthScope.parseList(scopes) else {
                    throw CLIFailure("--scopes must be comma-separated scopes such as Desk.tickets.READ")
                }
                scope = .scopes(list)
            }
            let config = try global.loadConfig()
            let token = try RegionStoreOpener(config: config).withStore(region: region) { store, region in
                guard let org = try store.org(portal: portal) else {
                    throw CLIFailure("region \(region) has no org with portal \(portal)")
                }
                guard let agent = try store.agent(email: agent, in: org.id) else {
                    throw CLIFailure("org \(portal) has no agent with that email address")
                }
                return try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: ttl.duration, scope: scope).token
            }
            print(token)
        }
    }
}
