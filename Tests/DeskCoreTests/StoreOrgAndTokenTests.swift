import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: orgs and access tokens")
struct StoreOrgAndTokenTests {
    @Test("createOrg makes the org and its administrator; a taken portal is a conflict")
    func createOrg() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, _) = try db.org("acme")
        #expect(org.portal == "acme" && org.region == .eu)
        #expect(agent.isAdministrator && agent.isActive && agent.orgID == org.id && agent.version == 1)
        #expect(try store.org(portal: "acme") == org)
        #expect(try store.org(id: org.id) == org)
        #expect(try store.agent(email: "admin@acme.example", in: org.id) == agent)
        #expect(try store.agent(id: agent.id, in: org.id + 1) == nil)
        #expect(throws: StoreError.conflict("portal")) {
            try store.createOrg(portal: "acme", name: "Other", region: .eu, adminEmail: "a@b.example",
                                adminLastName: "B", adminFirstName: nil)
        }
        #expect(throws: StoreError.self) {
            try store.createOrg(portal: "-bad", name: "X", region: .eu, adminEmail: "a@b.example",
                                adminLastName: "B", adminFirstName: nil)
        }
        #expect(throws: StoreError.invalid(field: "portal", reason: "is reserved")) {
            try store.createOrg(portal: "assets", name: "X", region: .eu, adminEmail: "a@b.example",
                                adminLastName: "B", adminFirstName: nil)
        }
    }

    @Test("Tokens: issue, authenticate, stored only as a hash, revoke, expiry")
    func tokens() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, _) = try db.org()
        let (token, expiresAt) = try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(3600))
        #expect(token.count == 64)
        #expect(expiresAt > Date().addingTimeInterval(3000))
        let actor = try store.authenticate(accessToken: token)
        #expect(actor == Actor(orgID: org.id, agentID: agent.id, requestID: ""))

        let stored = try db.connection.query("SELECT token_hash FROM access_tokens").map { try $0.decode("token_hash", as: [UInt8].self) }
        #expect(stored.count == 1)
        #expect(stored[0].count == 32)
        #expect(stored[0] != Array(token.utf8) && !token.utf8.elementsEqual(stored[0]))
        #expect(SHA256Digest.hex(stored[0]) != token)

        #expect(try store.authenticate(accessToken: "nope") == nil)
        #expect(try store.authenticate(accessToken: String(repeating: "0", count: 64)) == nil)

        try store.revokeAccessToken(token)
        #expect(try store.authenticate(accessToken: token) == nil)

        let (short, _) = try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(3600))
        #expect(try store.authenticate(accessToken: short) != nil)
        try db.connection.execute("UPDATE access_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND")
        #expect(try store.authenticate(accessToken: short) == nil)

        try db.connection.execute("UPDATE access_tokens SET expires_at = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR")
        #expect(try store.authenticate(accessToken: short) != nil)
        try db.connection.execute("UPDATE agents SET is_active = 0")
        #expect(try store.authenticate(accessToken: short) == nil)
        #expect(throws: StoreError.notFound) {
            try store.issueAccessToken(org: org.id, agent: agent.id, lifetime: .seconds(60))
        }
    }
}
