import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: OAuth API clients and grants")
struct StoreOAuthTests {
    private static let ticketsAll = OAuthScope("Desk.tickets.ALL")!
    private static let basicRead = OAuthScope("Desk.basic.READ")!

    private func register(_ db: StoreTestDatabase, _ actor: Actor, agent: Int64) throws -> RegisteredAPIClient {
        try db.store().write(actor) { tx in
            try tx.registerAPIClient(name: "Sync job", agentID: agent, scopes: [Self.ticketsAll, Self.basicRead])
        }
    }

    @Test("Register: client id and secret once, only the secret's SHA-256 stored, audited")
    func register() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, actor) = try db.org()
        let registered = try register(db, actor, agent: agent.id)
        #expect(registered.client.clientID.hasPrefix("1000.") && registered.client.clientID.count == 35)
        #expect(registered.clientSecret.count == 64)
        #expect(try db.store().apiClient(clientID: registered.client.clientID) == registered.client)
        #expect(try db.store().apiClients(in: org.id) == [registered.client])

        let rows = try db.connection.query("SELECT client_secret_hash, scopes FROM api_clients")
        #expect(rows.count == 1)
        let hash = try rows[0].decode("client_secret_hash", as: [UInt8].self)
        #expect(hash.count == 32)
        #expect(SHA256Digest.hex(hash) != registered.clientSecret)
        let everything = try db.connection.query("SELECT * FROM api_clients").map { row in
            try ["name", "client_id", "scopes"].map { try row.decode($0, as: String.self) }.joined()
        }.joined()
        #expect(!everything.contains(registered.clientSecret))

        let entries = try db.store().auditEntries(in: org.id, filter: AuditFilter(recordType: "apiclient"),
                                                  page: Page(from: 1, limit: 10))
        #expect(entries.count == 1)
        #expect(entries.first?.action == .create && entries.first?.recordID == registered.client.id)
        #expect(entries.first?.actorID == agent.id && entries.first?.requestID == actor.requestID)
        #expect(entries.first?.changes.contains(FieldChange(field: "clientId", old: nil, new: registered.client.clientID)) == true)
        #expect(entries.first?.changes.allSatisfy { $0.new != registered.clientSecret } == true)

        #expect(throws: StoreError.invalid(field: "agentId", reason: "must be an active agent of the org")) {
            try db.store().write(actor) { try $0.registerAPIClient(name: "x", agentID: agent.id + 1, scopes: [Self.ticketsAll]) }
        }
        #expect(throws: StoreError.self) {
            try db.store().write(actor) { try $0.registerAPIClient(name: " ", agentID: agent.id, scopes: [Self.ticketsAll]) }
        }
        #expect(try db.count("api_clients", org: org.id) == 1)
    }

    @Test("Client credentials: an access token of the agent (1 h) and a refresh token; wrong secrets refused")
    func clientCredentials() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, actor) = try db.org()
        let registered = try register(db, actor, agent: agent.id)
        let store = db.store()
        let id = registered.client.clientID

        let grant = try store.exchangeClientCredentials(clientID: id, clientSecret: registered.clientSecret,
                                                        scope: "Desk.tickets.ALL", orgID: org.id)
        #expect(grant.expiresIn == 3600 && grant.scope == "Desk.tickets.ALL")
        #expect(try store.authenticate(accessToken: grant.accessToken) == Actor(orgID: org.id, agentID: agent.id, requestID: ""))
        let refresh = try #require(grant.refreshToken)
        #expect(refresh.count == 64)
        let stored = try db.connection.query("SELECT token_hash FROM refresh_tokens").map { try $0.decode("token_hash", as: [UInt8].self) }
        #expect(stored.count == 1 && SHA256Digest.hex(stored[0]) != refresh)

        let all = try store.exchangeClientCredentials(clientID: id, clientSecret: registered.clientSecret, scope: nil, orgID: nil)
        #expect(all.scope == "Desk.tickets.ALL,Desk.basic.READ")
        let narrower = try store.exchangeClientCredentials(clientID: id, clientSecret: registered.clientSecret,
                                                           scope: "Desk.tickets.READ,Desk.tickets.UPDATE", orgID: nil)
        #expect(narrower.scope == "Desk.tickets.READ,Desk.tickets.UPDATE")

        var wrong = Array(registered.clientSecret)
        wrong[0] = wrong[0] == "a" ? "b" : "a"
        for secret in [String(wrong), "", "nope", registered.clientSecret.uppercased() + "0"] {
            #expect(throws: OAuthError.invalidClient) {
                try store.exchangeClientCredentials(clientID: id, clientSecret: secret, scope: nil, orgID: nil)
            }
        }
        #expect(throws: OAuthError.invalidClient) {
            try store.exchangeClientCredentials(clientID: "1000.UNKNOWN", clientSecret: registered.clientSecret, scope: nil, orgID: nil)
        }
        #expect(throws: OAuthError.invalidClient) {
            try store.exchangeClientCredentials(clientID: id, clientSecret: registered.clientSecret, scope: nil, orgID: org.id + 1)
        }
        for scope in ["Desk.contacts.ALL", "Desk.basic.ALL", "tickets", "Desk.tickets.all"] {
            #expect(throws: OAuthError.invalidScope) {
                try store.exchangeClientCredentials(clientID: id, clientSecret: registered.clientSecret, scope: scope, orgID: nil)
            }
        }

        try db.connection.execute("UPDATE agents SET is_active = 0")
        #expect(throws: OAuthError.invalidClient) {
            try store.exchangeClientCredentials(clientID: id, clientSecret: registered.clientSecret, scope: nil, orgID: nil)
        }
    }

    @Test("Refresh: a new access token while the refresh token lives; revoked tokens and clients refused")
    func refreshAndRevoke() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, actor) = try db.org()
        let registered = try register(db, actor, agent: agent.id)
        let other = try register(db, actor, agent: agent.id)
        let store = db.store()
        let id = registered.client.clientID
        let secret = registered.clientSecret
        let refresh = try #require(try store.exchangeClientCredentials(clientID: id, clientSecret: secret,
                                                                       scope: "Desk.tickets.ALL", orgID: nil).refreshToken)

        let renewed = try store.exchangeRefreshToken(refresh, clientID: id, clientSecret: secret)
        #expect(renewed.refreshToken == nil && renewed.expiresIn == 3600 && renewed.scope == "Desk.tickets.ALL")
        #expect(try store.authenticate(accessToken: renewed.accessToken)?.agentID == agent.id)
        #expect(try store.exchangeRefreshToken(refresh, clientID: id, clientSecret: secret).accessToken != renewed.accessToken)

        #expect(throws: OAuthError.invalidClient) {
            try store.exchangeRefreshToken(refresh, clientID: id, clientSecret: other.clientSecret)
        }
        #expect(throws: OAuthError.invalidGrant) {
            try store.exchangeRefreshToken(refresh, clientID: other.client.clientID, clientSecret: other.clientSecret)
        }
        #expect(throws: OAuthError.invalidGrant) {
            try store.exchangeRefreshToken("not-a-token", clientID: id, clientSecret: secret)
        }

        try store.revokeRefreshToken(refresh)
        try store.revokeRefreshToken(refresh)
        #expect(throws: OAuthError.invalidGrant) {
            try store.exchangeRefreshToken(refresh, clientID: id, clientSecret: secret)
        }

        let second = try #require(try store.exchangeClientCredentials(clientID: id, clientSecret: secret, scope: nil, orgID: nil).refreshToken)
        try store.write(actor) { try $0.revokeAPIClient(registered.client.id) }
        #expect(try store.apiClient(clientID: id) == nil)
        #expect(throws: OAuthError.invalidClient) {
            try store.exchangeRefreshToken(second, clientID: id, clientSecret: secret)
        }
        #expect(throws: OAuthError.invalidClient) {
            try store.exchangeClientCredentials(clientID: id, clientSecret: secret, scope: nil, orgID: nil)
        }
        let revoked = try db.connection.queryFirst("SELECT COUNT(*) AS n FROM refresh_tokens WHERE revoked_at IS NULL AND client_id = \(id)")
        #expect(try revoked?.decode("n", as: Int64.self) == 0)
        #expect(throws: StoreError.notFound) { try store.write(actor) { try $0.revokeAPIClient(registered.client.id) } }
        let deletes = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "apiclient", action: .delete),
                                             page: Page(from: 1, limit: 10))
        #expect(deletes.map(\.recordID) == [registered.client.id])
    }

    @Test("Scopes: Desk.<resource>.<operation>; ALL covers the resource's operations")
    func scopes() {
        #expect(OAuthScope.parseList("Desk.tickets.ALL,Desk.contacts.READ")?.map(\.description)
                == ["Desk.tickets.ALL", "Desk.contacts.READ"])
        #expect(OAuthScope.parseList("") == nil && OAuthScope.parseList("Desk.tickets") == nil)
        #expect(OAuthScope.parseList("Desk.tick-ets.ALL") == nil && OAuthScope.parseList("Zoho.tickets.ALL") == nil)
        #expect(Self.ticketsAll.covers(OAuthScope("Desk.tickets.DELETE")!))
        #expect(!OAuthScope("Desk.tickets.READ")!.covers(Self.ticketsAll))
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]) && !ConstantTime.equal([1, 2, 3], [1, 2, 4])
                && !ConstantTime.equal([1], [1, 2]))
    }
}
