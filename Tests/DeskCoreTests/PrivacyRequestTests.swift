import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: email change and erasure requests — creation rules, decisions, audit and isolation")
struct PrivacyRequestTests {
    /// A contact with a portal user signing in as `email`; returns (contact id, portal user id).
    private func endUser(_ db: StoreTestDatabase, _ actor: Actor, email: String, language: String = "en") throws -> (Int64, Int64) {
        let contact = try db.store().write(actor) { tx in
            try tx.createContact(ContactDraft(firstName: "花子", lastName: "山田", email: email))
        }
        let user = db.ids.next()
        try db.connection.execute("""
            INSERT INTO portal_users (org_id, id, contact_id, email, password_hash, email_verified_at, language,
                                      time_zone, created_at, updated_at, version)
            VALUES (\(actor.orgID), \(user), \(contact.id), \(email), 'x', NULL, \(language), 'Asia/Tokyo',
                    UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 1)
            """)
        return (contact.id, user)
    }

    private func outbox(_ db: StoreTestDatabase, org: Int64) throws -> [String] {
        try db.connection.query("SELECT recipient FROM outbox_emails WHERE org_id = \(org) ORDER BY recipient")
            .map { try $0.decode("recipient") }
    }

    @Test("A request is validated, one is pending per user, and approval changes both emails, audits and mails")
    func emailChangeApproval() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, actor) = try db.org()
        let (contact, user) = try endUser(db, actor, email: "hanako@example.jp", language: "ja")
        _ = try endUser(db, actor, email: "taken@example.jp")
        let request = { (email: String) in
            try store.write(actor) { tx in try tx.requestEmailChange(contact: contact, portalUser: user, newEmail: email) }
        }
        #expect(throws: StoreError.invalid(field: "newEmail", reason: "is not a valid email address")) { try request("no-at-sign") }
        #expect(throws: StoreError.invalid(field: "newEmail", reason: "must not be empty")) { try request("  ") }
        #expect(throws: StoreError.invalid(field: "newEmail", reason: "is the current email address")) {
            try request("Hanako@Example.jp")
        }
        #expect(throws: PrivacyRequestRefusal.emailTaken) { try request("TAKEN@example.jp") }
        #expect(try db.count("email_change_requests", org: org.id) == 0)
        // Another contact's portal user cannot be named.
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { tx in try tx.requestEmailChange(contact: contact + 1, portalUser: user, newEmail: "a@b.jp") }
        }

        let pending = try request(" Hanako.New@Example.jp ")
        #expect(pending.status == .pending && pending.oldEmail == "hanako@example.jp" && pending.newEmail == "hanako.new@example.jp")
        #expect(pending.decision == nil)
        let refused = #expect(throws: PrivacyRequestRefusal.self) { try request("third@example.jp") }
        #expect(refused == .pendingExists(requestID: pending.id))
        #expect(try store.emailChangeRequests(in: org.id, filter: PrivacyRequestFilter(status: .pending), page: Page()) == [pending])
        #expect(try store.latestEmailChangeRequest(portalUser: user, in: org.id) == pending)

        let approved = try store.write(actor) { tx in try tx.approveEmailChange(pending.id) }
        #expect(approved.status == .approved && approved.decision?.decidedBy == admin.id && approved.version == 2)
        #expect(try store.contact(contact, for: actor)?.email == "hanako.new@example.jp")
        let stored = try db.connection.queryFirst("SELECT email FROM portal_users WHERE org_id = \(org.id) AND id = \(user)")
        #expect(try stored?.decode("email", as: String.self) == "hanako.new@example.jp")
        #expect(try outbox(db, org: org.id) == ["hanako.new@example.jp", "hanako@example.jp"])
        let subjects = try db.connection.query("SELECT subject FROM outbox_emails WHERE org_id = \(org.id)")
            .map { try $0.decode("subject", as: String.self) }
        #expect(subjects.allSatisfy { $0 == "メールアドレスの変更が承認されました" })

        let audit = try store.auditEntries(in: org.id, filter: AuditFilter(), page: Page(limit: 100))
        let requestEntries = audit.filter { $0.recordType == "emailChangeRequest" }
        #expect(requestEntries.map(\.action) == [.update, .create])
        #expect(requestEntries.first?.changes.first == FieldChange(field: "status", old: "pending", new: "approved"))
        #expect(audit.contains { $0.recordType == "contact" && $0.recordID == contact && $0.action == .update
            && $0.changes == [FieldChange(field: "email", old: "hanako@example.jp", new: "hanako.new@example.jp")] })
        #expect(audit.contains { $0.recordType == "portaluser" && $0.recordID == user
            && $0.changes == [FieldChange(field: "email", old: "hanako@example.jp", new: "hanako.new@example.jp")] })

        // A decision is final and writes nothing more.
        let auditCount = try db.count("audit_log", org: org.id)
        #expect(throws: PrivacyRequestRefusal.alreadyDecided(.approved)) {
            try store.write(actor) { tx in try tx.rejectEmailChange(pending.id, reason: "late") }
        }
        #expect(try db.count("audit_log", org: org.id) == auditCount)
        // With the first one decided, the user may ask again.
        #expect(try request("hanako.3@example.jp").status == .pending)
    }

    @Test("Rejection keeps the emails, records the reason; a profile without the right and another org are refused")
    func emailChangeRejection() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (_, _, otherActor) = try db.org("other")
        let (contact, user) = try endUser(db, actor, email: "ken@example.jp")
        let pending = try store.write(actor) { tx in
            try tx.requestEmailChange(contact: contact, portalUser: user, newEmail: "ken2@example.jp")
        }
        let light = actor.with(access: AgentAccess(profileID: BuiltInProfile.lightAgent.rawValue, roleID: Role.topRoleID,
                                                   permissions: BuiltInProfile.lightAgent.permissions,
                                                   isAdministrator: false, visibility: [:], fields: [:]))
        let before = try db.count("audit_log", org: org.id)
        #expect(throws: StoreError.forbidden) { try store.write(light) { tx in try tx.approveEmailChange(pending.id) } }
        #expect(throws: StoreError.notFound) { try store.write(otherActor) { tx in try tx.approveEmailChange(pending.id) } }
        #expect(try store.emailChangeRequest(pending.id, in: otherActor.orgID) == nil)
        #expect(try db.count("audit_log", org: org.id) == before)

        let rejected = try store.write(actor) { tx in try tx.rejectEmailChange(pending.id, reason: "本人確認ができません") }
        #expect(rejected.status == .rejected && rejected.decision?.reason == "本人確認ができません")
        #expect(try store.contact(contact, for: actor)?.email == "ken@example.jp")
        #expect(try outbox(db, org: org.id).isEmpty)
        #expect(try store.emailChangeRequests(in: org.id, filter: PrivacyRequestFilter(status: .pending), page: Page()).isEmpty)
        #expect(try store.emailChangeRequests(in: org.id, filter: PrivacyRequestFilter(status: .rejected), page: Page()) == [rejected])
    }

    @Test("Erasure requests: one pending per user, decisions recorded and final, the anonymize right required")
    func erasure() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, actor) = try db.org()
        let (contact, user) = try endUser(db, actor, email: "erase@example.jp")
        let first = try store.write(actor) { tx in try tx.requestErasure(contact: contact, portalUser: user) }
        #expect(first.status == .pending)
        #expect(throws: PrivacyRequestRefusal.pendingExists(requestID: first.id)) {
            try store.write(actor) { tx in try tx.requestErasure(contact: contact, portalUser: user) }
        }
        var withoutRight = ProfilePermissions.everything
        withoutRight.privacy.remove(.anonymize)
        let agent = actor.with(access: AgentAccess(profileID: 99, roleID: Role.topRoleID, permissions: withoutRight,
                                                   isAdministrator: false, visibility: [:], fields: [:]))
        #expect(throws: StoreError.forbidden) { try store.write(agent) { tx in try tx.approveErasure(first.id) } }
        let rejected = try store.write(actor) { tx in try tx.rejectErasure(first.id, reason: nil) }
        #expect(rejected.status == .rejected && rejected.decision?.decidedBy == admin.id && rejected.decision?.reason == nil)
        let second = try store.write(actor) { tx in try tx.requestErasure(contact: contact, portalUser: user) }
        let approved = try store.write(actor) { tx in try tx.approveErasure(second.id, reason: "ok") }
        #expect(approved.status == .approved)
        #expect(throws: PrivacyRequestRefusal.alreadyDecided(.approved)) {
            try store.write(actor) { tx in try tx.approveErasure(second.id) }
        }
        // Only the decision is recorded: the contact is untouched.
        #expect(try store.contact(contact, for: actor)?.email == "erase@example.jp")
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "erasureRequest"), page: Page())
        #expect(entries.count == 4)
        #expect(try store.erasureRequests(in: org.id, filter: PrivacyRequestFilter(), page: Page()).map(\.id) == [first.id, second.id])
    }
}
