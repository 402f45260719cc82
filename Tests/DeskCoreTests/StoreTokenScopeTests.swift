import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: token scopes, client revocation, clean-up")
struct StoreTokenScopeTests {
    private func client(_ db: StoreTestDatabase, _ actor: Actor, agent: Int64, scopes: String) throws -> RegisteredAPIClient {
        try db.store().write(actor) { tx in
            try tx.registerAPIClient(name: "Integration", agentID: agent, scopes: OAuthScope.parseList(scopes)!)
        }
    }

    /// A client-credentials grant for `registered`, asking for its registered scopes.
    private func clientGrant(_ store: Store, _ registered: RegisteredAPIClient, orgID: Int64? = nil) throws -> OAuthGrant {
        try store.exchangeClientCredentials(clientID: registered.client.clientID,
                                            clientSecret: registered.clientSecret, scope: nil, orgID: orgID)
    }

    /// A refresh-token grant for `registered` with the refresh token of `previous`.
    private func refreshGrant(_ store: Store, _ registered: RegisteredAPIClient, _ previous: OAuthGrant) throws -> OAuthGrant {
        try store.exchangeRefreshToken(try #require(previous.refreshToken), clientID: registered.client.clientID,
                                       clientSecret: registered.clientSecret)
    }

    @Test("deskd token create tokens hold every scope; client tokens hold the granted scopes and their client")
    func storedScopes() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, actor) = try db.org()
        let store = db.store()
        let admin = try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(600)).token
        let adminToken = try #require(try store.authenticateToken(admin))
        #expect(adminToken.scope == .all && adminToken.clientID == nil)
        #expect(adminToken.scope.grants(anyOf: [OAuthScope("Desk.settings.DELETE")!]))

        let registered = try client(db, actor, agent: agent.id, scopes: "Desk.tickets.READ,Desk.contacts.WRITE")
        let grant = try clientGrant(store, registered, orgID: org.id)
        let token = try #require(try store.authenticateToken(grant.accessToken))
        #expect(token.clientID == registered.client.clientID)
        #expect(token.scope == .scopes([OAuthScope("Desk.tickets.READ")!, OAuthScope("Desk.contacts.WRITE")!]))
        #expect(token.scope.grants(anyOf: [OAuthScope("Desk.tickets.READ")!]))
        #expect(!token.scope.grants(anyOf: [OAuthScope("Desk.tickets.CREATE")!]))
        #expect(token.scope.grants(anyOf: [OAuthScope("Desk.contacts.CREATE")!]))
        #expect(token.scope.grants(anyOf: [OAuthScope("Desk.contacts.DELETE")!]))
        #expect(!token.scope.grants(anyOf: [OAuthScope("Desk.contacts.READ")!]))
        #expect(!token.scope.grants(anyOf: [OAuthScope("Desk.basic.READ")!]))
        #expect(token.scope.grants(anyOf: [OAuthScope("Desk.search.READ")!, OAuthScope("Desk.tickets.READ")!]))

        // A refresh keeps the scopes and the client.
        let refreshed = try refreshGrant(store, registered, grant)
        #expect(try store.authenticateToken(refreshed.accessToken)?.scope == token.scope)
        #expect(try store.authenticateToken(refreshed.accessToken)?.clientID == registered.client.clientID)
        let stored = try db.connection.query("SELECT scope FROM access_tokens ORDER BY created_at").map { try $0.decode("scope", as: String.self) }
        #expect(stored == ["*", "Desk.tickets.READ,Desk.contacts.WRITE", "Desk.tickets.READ,Desk.contacts.WRITE"])
    }

    @Test("WRITE covers CREATE, UPDATE and DELETE but not READ; ALL covers all")
    func writeCoverage() {
        let write = OAuthScope("Desk.tickets.WRITE")!
        for operation in ["CREATE", "UPDATE", "DELETE"] {
            #expect(write.covers(OAuthScope("Desk.tickets.\(operation)")!))
        }
        #expect(!write.covers(OAuthScope("Desk.tickets.READ")!))
        #expect(!write.covers(OAuthScope("Desk.contacts.CREATE")!))
        #expect(!OAuthScope("Desk.tickets.CREATE")!.covers(OAuthScope("Desk.tickets.UPDATE")!))
        #expect(OAuthScope("Desk.basic.ALL")!.covers(OAuthScope("Desk.basic.UPDATE")!))
        #expect(TokenScope.scopes([]).grants(anyOf: [OAuthScope("Desk.tickets.READ")!]) == false)
    }

    @Test("Revoking a client revokes its live access tokens and refresh tokens at once")
    func clientRevocation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, actor) = try db.org()
        let store = db.store()
        let registered = try client(db, actor, agent: agent.id, scopes: "Desk.tickets.ALL")
        let other = try client(db, actor, agent: agent.id, scopes: "Desk.tickets.ALL")
        let grant = try clientGrant(store, registered)
        let kept = try clientGrant(store, other)
        let admin = try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(600)).token
        #expect(try store.authenticateToken(grant.accessToken) != nil)

        try store.write(actor) { try $0.revokeAPIClient(registered.client.id) }

        #expect(try store.authenticateToken(grant.accessToken) == nil)
        #expect(throws: OAuthError.invalidClient) {
            try refreshGrant(store, registered, grant)
        }
        let live = try db.connection.queryFirst("""
            SELECT COUNT(*) AS n FROM access_tokens WHERE client_id = \(registered.client.clientID) AND revoked_at IS NULL
            """)
        #expect(try live?.decode("n", as: Int64.self) == 0)
        // The other client's token and the administrator's own token are untouched.
        #expect(try store.authenticateToken(kept.accessToken) != nil)
        #expect(try store.authenticateToken(admin) != nil)
    }

    @Test("A token whose client row is deleted without the revocation path is refused too")
    func deletedClient() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (_, agent, actor) = try db.org()
        let store = db.store()
        let registered = try client(db, actor, agent: agent.id, scopes: "Desk.tickets.ALL")
        let grant = try clientGrant(store, registered)
        try db.connection.execute("UPDATE api_clients SET deleted_at = UTC_TIMESTAMP(6)")
        #expect(try store.authenticateToken(grant.accessToken) == nil)
    }

    @Test("Revoking an access token through the revoke call works like revoking a refresh token")
    func revokeAccessThroughRevoke() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (_, agent, actor) = try db.org()
        let store = db.store()
        let registered = try client(db, actor, agent: agent.id, scopes: "Desk.tickets.ALL")
        let grant = try clientGrant(store, registered)
        try store.revokeRefreshToken(grant.accessToken)
        #expect(try store.authenticateToken(grant.accessToken) == nil)
        // The refresh token still works: only the access token was named.
        #expect(try refreshGrant(store, registered, grant).accessToken.count == 64)
    }

    @Test("Expired and revoked token rows are deleted in bounded batches when tokens are issued")
    func cleanup() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, actor) = try db.org()
        let store = db.store()
        let registered = try client(db, actor, agent: agent.id, scopes: "Desk.tickets.ALL")
        // 250 expired, 5 revoked access tokens; 3 revoked and 2 expired refresh tokens; live ones of each.
        try db.connection.execute("""
            INSERT INTO access_tokens (token_hash, org_id, agent_id, scope, client_id, expires_at, revoked_at, created_at)
            SELECT UNHEX(SHA2(CONCAT('expired', seq), 256)), \(org.id), \(agent.id), '*', NULL,
                   UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, NULL, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR FROM seq_1_to_250
            """)
        try db.connection.execute("""
            INSERT INTO access_tokens (token_hash, org_id, agent_id, scope, client_id, expires_at, revoked_at, created_at)
            SELECT UNHEX(SHA2(CONCAT('revoked', seq), 256)), \(org.id), \(agent.id), '*', NULL,
                   UTC_TIMESTAMP(6) + INTERVAL 1 HOUR, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM seq_1_to_5
            """)
        try db.connection.execute("""
            INSERT INTO refresh_tokens (token_hash, org_id, client_id, agent_id, scope, expires_at, revoked_at, created_at)
            SELECT UNHEX(SHA2(CONCAT('refresh', seq), 256)), \(org.id), \(registered.client.clientID), \(agent.id),
                   'Desk.tickets.ALL', IF(seq > 3, UTC_TIMESTAMP(6) - INTERVAL 1 DAY, NULL),
                   IF(seq <= 3, UTC_TIMESTAMP(6), NULL), UTC_TIMESTAMP(6) FROM seq_1_to_5
            """)
        let live = try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(600)).token
        // One issue deletes at most one batch (200) of expired access tokens, and every stale row of the others.
        #expect(try count(db, "access_tokens") == 1 + 50)
        #expect(try count(db, "refresh_tokens") == 0)
        let grant = try clientGrant(store, registered)
        #expect(try count(db, "access_tokens") == 2)
        #expect(try count(db, "refresh_tokens") == 1)
        #expect(try store.authenticateToken(live) != nil && store.authenticateToken(grant.accessToken) != nil)
        #expect(try store.purgeStaleTokens() == 0)
    }

    private func count(_ db: StoreTestDatabase, _ table: String) throws -> Int64 {
        try db.connection.queryFirst("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")?.decode("n") ?? -1   // allow-listed: test table names
    }

    @Test("Write transactions take microsecond UTC times from the process clock")
    func processClock() throws {
        let before = Date()
        let now = Store.now()
        let after = Date()
        #expect(now >= before.addingTimeInterval(-0.000_001) && now <= after)
        let micros = now.timeIntervalSince1970 * 1_000_000
        #expect(micros == micros.rounded())

        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (org, agent, _) = try db.org()
        let token = try db.store().issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(60))
        let row = try #require(try db.connection.queryFirst("""
            SELECT created_at, TIMESTAMPDIFF(MICROSECOND, created_at, UTC_TIMESTAMP(6)) AS lag FROM access_tokens
            """))
        #expect(try row.decode("created_at", as: Date.self) == token.expiresAt.addingTimeInterval(-60))
        let lag: Int64 = try row.decode("lag")
        #expect(lag >= 0 && lag < 5_000_000)
    }
}
