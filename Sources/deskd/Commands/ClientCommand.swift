import ArgumentParser
import DeskCore

/// `deskd client …`: OAuth 2.0 API clients.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "OAuth 2.0 API clients (POST /oauth/v2/token).",
        subcommands: [ClientCreateCommand.self, ClientRevokeCommand.self]
    )
}

/// `deskd client create`: registers an API client acting as an agent; prints its id and secret once.
struct ClientCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Register an API client acting as an agent; print client_id and client_secret.",
        discussion: """
            Only the secret's SHA-256 is stored: the printed client_secret cannot be shown again.
            The client gets tokens with grant_type=client_credentials on POST /oauth/v2/token of the
            region's host. The registration is written to the org's audit log (actor: the system).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The org's region (us, eu, in, au, cn).")
    var region: String

    @Option(help: "The org's portal name.")
    var portal: String

    @Option(help: "The email address of the agent the client acts as.")
    var agent: String

    @Option(help: "The client's name (shown in the audit log).")
    var name: String

    @Option(help: "Comma-separated scopes the client may ask for.")
    var scopes = "Desk.tickets.ALL,Desk.contacts.ALL,Desk.basic.READ,Desk.search.READ"

    func run() throws {
        try failingClearly {
            guard let scopeList = OAuthScope.parseList(scopes) else {
                throw CLIFailure("--scopes must be comma-separated scopes such as Desk.tickets.ALL")
            }
            let config = try global.loadConfig()
            let registered = try RegionStoreOpener(config: config).withStore(region: region) { store, region in
                guard let org = try store.org(portal: portal) else {
                    throw CLIFailure("region \(region) has no org with portal \(portal)")
                }
                guard let agent = try store.agent(email: agent, in: org.id) else {
                    throw CLIFailure("org \(portal) has no agent with that email address")
                }
                let system = Actor(orgID: org.id, agentID: 0, requestID: "")
                return try store.write(system) { tx in
                    try tx.registerAPIClient(name: name, agentID: agent.id, scopes: scopeList)
                }
            }
            print("client_id: \(registered.client.clientID)")
            print("client_secret: \(registered.clientSecret)")
        }
    }
}

/// `deskd client revoke`: an API client can get no more tokens; its refresh and access tokens are revoked.
struct ClientRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an API client with its refresh and access tokens.",
        discussion: """
            The client's tokens are refused at once by new requests; a running deskd that verified one of
            them in the last 5 seconds may still accept it until its token cache entry runs out (5 s).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's region (us, eu, in, au, cn).")
    var region: String

    @Option(name: .customLong("client-id"), help: "The client_id.")
    var clientID: String

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            try RegionStoreOpener(config: config).withStore(region: region) { store, region in
                guard let client = try store.apiClient(clientID: clientID) else {
                    throw CLIFailure("region \(region) has no live client with that client_id")
                }
                try store.write(Actor(orgID: client.orgID, agentID: 0, requestID: "")) { tx in
                    try tx.revokeAPIClient(client.id)
                }
            }
            print("revoked client \(clientID)")
        }
    }
}
