import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: portal users, tokens, sessions and sign-in throttling")
struct PortalStoreTests {
    static let hash = "scrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    @Test("Sign-up creates a contact and a portal user, audited as the system; the same email again writes nothing")
    func signUp() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, _) = try db.org()
        let system = Actor.system(org.id, requestID: "req-signup")
        let outcome = try store.write(system) { tx in
            try tx.signUpEndUser(PortalSignUp(name: "山田 花子", email: " Hanako@Example.COM ", passwordHash: Self.hash,
                                              language: "ja"))
        }
        guard case .created(let user, let linked) = outcome else { Issue.record("not created"); return }
        #expect(!linked && user.email == "hanako@example.com" && user.language == "ja" && user.emailVerifiedAt == nil)
        let contact = try #require(try store.contact(user.contactID, for: system))
        #expect(contact.lastName == "山田 花子" && contact.email == "hanako@example.com")
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(), page: Page())
            .filter { $0.requestID == "req-signup" }
        #expect(Set(entries.map(\.recordType)) == ["contact", "portaluser"])
        #expect(entries.allSatisfy { $0.actorType == .system && $0.actorID == 0 })

        let contactsBefore = try db.count("contacts", org: org.id)
        let auditBefore = try db.count("audit_log", org: org.id)
        let again = try store.write(system) { tx in
            try tx.signUpEndUser(PortalSignUp(name: "Someone", email: "HANAKO@example.com", passwordHash: Self.hash))
        }
        #expect(again == .alreadyRegistered(user))
        #expect(try db.count("contacts", org: org.id) == contactsBefore)
        #expect(try db.count("audit_log", org: org.id) == auditBefore)
        #expect(try db.count("portal_users", org: org.id) == 1)
    }

    @Test("Sign-up links the org's existing contact with that email instead of creating a duplicate")
    func linksExistingContact() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        let existing = try store.write(admin) { try $0.createContact(ContactDraft(lastName: "Lee", email: "ann@example.com")) }
        let outcome = try store.write(.system(org.id)) { tx in
            try tx.signUpEndUser(PortalSignUp(name: "Ann Lee", email: "ann@example.com", passwordHash: Self.hash))
        }
        guard case .created(let user, let linked) = outcome else { Issue.record("not created"); return }
        #expect(linked && user.contactID == existing.id)
        #expect(try db.count("contacts", org: org.id) == 1)
        let other = try db.org("other")
        let elsewhere = try store.write(.system(other.0.id)) { tx in
            try tx.signUpEndUser(PortalSignUp(name: "Ann", email: "ann@example.com", passwordHash: Self.hash))
        }
        guard case .created(let otherUser, false) = elsewhere else { Issue.record("another org is another account"); return }
        #expect(otherUser.orgID == other.0.id && otherUser.contactID != existing.id)
    }

    @Test("Verification and reset tokens work once, expire, and a reset ends the user's sessions")
    func tokensAndSessions() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, _) = try db.org()
        let system = Actor.system(org.id)
        let (user, token) = try store.write(system) { tx -> (PortalUser, String) in
            guard case .created(let user, _) = try tx.signUpEndUser(
                PortalSignUp(name: "Ken", email: "ken@example.com", passwordHash: Self.hash)) else { throw StoreError.notFound }
            return (user, try tx.createPortalToken(for: user, purpose: .verify, lifetimeSeconds: 3600))
        }
        #expect(try store.write(system) { try $0.verifyPortalEmail(token: "not-a-token") } == nil)
        let reset = try store.write(system) { try $0.createPortalToken(for: user, purpose: .reset, lifetimeSeconds: 3600) }
        #expect(try store.write(system) { try $0.verifyPortalEmail(token: reset) } == nil, "a reset token does not verify")
        let verified = try store.write(system) { try $0.verifyPortalEmail(token: token) }
        #expect(verified?.emailVerifiedAt != nil)
        #expect(try store.write(system) { try $0.verifyPortalEmail(token: token) } == nil, "used once")

        let session = try store.createPortalSession(org: org.id, userID: user.id, idleSeconds: 600, absoluteSeconds: 3600)
        let found = try store.portalSession(org: org.id, token: session.token, idleSeconds: 600)
        #expect(found?.userID == user.id && found?.csrfSecret.count == 32)
        #expect(try store.portalSession(org: org.id + 1, token: session.token, idleSeconds: 600) == nil, "bound to its org")
        let stored: [UInt8]? = try db.connection.queryFirst("SELECT token_hash FROM portal_sessions")?.decode("token_hash")
        #expect(stored == PortalSecret.hash(of: session.token), "only the hash is stored")

        let newHash = Self.hash.replacingOccurrences(of: "$10$", with: "$11$")
        let changed = try store.write(system) { try $0.resetPortalPassword(token: reset, newPasswordHash: newHash) }
        #expect(changed?.passwordHash == newHash)
        #expect(try store.portalSession(org: org.id, token: session.token, idleSeconds: 600) == nil, "sessions end on reset")
        #expect(try store.write(system) { try $0.resetPortalPassword(token: reset, newPasswordHash: Self.hash) } == nil)
        let audit = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "portaluser"), page: Page())
        #expect(audit.first?.changes == [FieldChange(field: "password", old: "****", new: "****")])

        let expired = try store.write(system) { try $0.createPortalToken(for: user, purpose: .reset, lifetimeSeconds: 0) }
        #expect(try store.write(system) { try $0.resetPortalPassword(token: expired, newPasswordHash: Self.hash) } == nil)
    }

    @Test("Sessions end at their idle and absolute expiry and when revoked")
    func sessionExpiry() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, _) = try db.org()
        let user = try store.write(.system(org.id)) { tx -> PortalUser in
            guard case .created(let user, _) = try tx.signUpEndUser(
                PortalSignUp(name: "Ken", email: "ken@example.com", passwordHash: Self.hash)) else { throw StoreError.notFound }
            return user
        }
        let idle = try store.createPortalSession(org: org.id, userID: user.id, idleSeconds: 1, absoluteSeconds: 3600)
        let absolute = try store.createPortalSession(org: org.id, userID: user.id, idleSeconds: 3600, absoluteSeconds: 2)
        let revoked = try store.createPortalSession(org: org.id, userID: user.id, idleSeconds: 3600, absoluteSeconds: 3600)
        #expect(idle.session.idleExpiresAt <= idle.session.absoluteExpiresAt)
        try store.revokePortalSession(tokenHash: revoked.session.tokenHash)
        #expect(try store.portalSession(org: org.id, token: revoked.token, idleSeconds: 3600) == nil)
        #expect(try store.portalSession(org: org.id, token: absolute.token, idleSeconds: 3600) != nil)
        Thread.sleep(forTimeInterval: 2.2)
        #expect(try store.portalSession(org: org.id, token: idle.token, idleSeconds: 1) == nil, "idle expiry")
        #expect(try store.portalSession(org: org.id, token: absolute.token, idleSeconds: 3600) == nil,
                "absolute expiry, even though it was used")
    }

    @Test("Sign-in throttling counts failures per account and per address within the window")
    func throttling() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let throttle = SignInThrottle(accountLimit: 3, addressLimit: 5, windowSeconds: 60)
        for _ in 0..<2 { try throttle.recordFailure(org: 1, email: "a@example.com", address: "192.0.2.1", store: store) }
        #expect(try !throttle.isBlocked(org: 1, email: "a@example.com", address: "192.0.2.1", store: store))
        try throttle.recordFailure(org: 1, email: "A@example.com ", address: "192.0.2.1", store: store)
        #expect(try throttle.isBlocked(org: 1, email: "a@example.com", address: "192.0.2.9", store: store), "per account")
        #expect(try !throttle.isBlocked(org: 2, email: "a@example.com", address: "192.0.2.9", store: store), "per org")
        #expect(try !throttle.isBlocked(org: 1, email: "b@example.com", address: "192.0.2.1", store: store))
        for _ in 0..<2 { try throttle.recordFailure(org: 1, email: "c\(UUID())@example.com", address: "192.0.2.1", store: store) }
        #expect(try throttle.isBlocked(org: 1, email: "b@example.com", address: "192.0.2.1", store: store), "per address")
        #expect(try !throttle.isBlocked(org: 1, email: "b@example.com", address: "192.0.2.2", store: store))
        try throttle.clearAccount(org: 1, email: "a@example.com", store: store)
        #expect(try !throttle.isBlocked(org: 1, email: "a@example.com", address: "192.0.2.9", store: store))
        let text = try db.connection.query("SELECT HEX(key_hash) AS k FROM portal_signin_failures")
        #expect(!text.isEmpty)
        let windowed = SignInThrottle(accountLimit: 1, addressLimit: 100, windowSeconds: 1)
        try windowed.recordFailure(org: 1, email: "w@example.com", address: "192.0.2.3", store: store)
        #expect(try windowed.isBlocked(org: 1, email: "w@example.com", address: "192.0.2.3", store: store))
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try !windowed.isBlocked(org: 1, email: "w@example.com", address: "192.0.2.3", store: store), "window over")
    }

    @Test("An end-user actor has no agent rights and is audited as enduser with its contact id")
    func endUserActor() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        let contact = try store.write(admin) { try $0.createContact(ContactDraft(lastName: "Lee", email: "lee@example.com")) }
        let actor = Actor.endUser(org: org.id, contactID: contact.id, requestID: "req-eu")
        #expect(actor.kind == .endUser && actor.auditActorID == contact.id && actor.agentID == 0)
        #expect(try store.contact(contact.id, for: actor) == nil, "agent reads find nothing for an end user")
        let user = try store.write(.system(org.id)) { tx -> PortalUser in
            guard case .created(let user, _) = try tx.signUpEndUser(
                PortalSignUp(name: "Lee", email: "lee@example.com", passwordHash: Self.hash)) else { throw StoreError.notFound }
            return user
        }
        _ = try store.write(actor) { tx in
            try tx.updatePortalUserPreferences(user.id, language: .some("ja"), timeZone: .some("Asia/Tokyo"))
        }
        let entry = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "portaluser"), page: Page()).first)
        #expect(entry.actorType == .endUser && entry.actorID == contact.id && entry.requestID == "req-eu")
        #expect(entry.changes == [FieldChange(field: "language", old: nil, new: "ja"),
                                  FieldChange(field: "timeZone", old: nil, new: "Asia/Tokyo")])
        #expect(throws: StoreError.invalid(field: "timeZone", reason: "is not a known time zone")) {
            try store.write(actor) { try $0.updatePortalUserPreferences(user.id, timeZone: .some("Mars/Olympus")) }
        }
    }
}
