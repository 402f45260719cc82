import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: an end user's My Info writes and their personal data export")
struct PrivacyProfileExportTests {
    /// A contact with a verified portal user; returns the portal user.
    private func endUser(_ db: StoreTestDatabase, _ actor: Actor, email: String) throws -> PortalUser {
        let contact = try db.store().write(actor) { tx in try tx.createContact(ContactDraft(lastName: "Yamada", email: email)) }
        let id = db.ids.next()
        try db.connection.execute("""
            INSERT INTO portal_users (org_id, id, contact_id, email, password_hash, email_verified_at, language,
                                      time_zone, created_at, updated_at, version)
            VALUES (\(actor.orgID), \(id), \(contact.id), \(email), 'x', UTC_TIMESTAMP(6), NULL, NULL,
                    UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 1)
            """)
        return try #require(try db.store().portalUser(org: actor.orgID, id: id))
    }

    @Test("My Info saves names, phones, language and time zone as the end user; problems write nothing")
    func profile() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        let user = try endUser(db, admin, email: "yamada@example.jp")
        let actor = Actor.endUser(org: org.id, contactID: user.contactID, requestID: "portal")
        let before = try db.count("audit_log", org: org.id)
        let bad = EndUserProfileChanges(firstName: nil, lastName: " ", phone: String(repeating: "9", count: 51), mobile: nil,
                                        language: "fr", timeZone: "Mars/Olympus")
        #expect(bad.problems() == ["lastName": .required, "phone": .tooLong(max: 50), "language": .unknownLanguage,
                                   "timeZone": .unknownTimeZone])
        #expect(throws: StoreError.self) { try store.write(actor) { tx in try tx.updateOwnProfile(user, bad) } }
        // 60 family emoji are 60 characters but 300 code points: too long for the column.
        let family = EndUserProfileChanges(firstName: String(repeating: "👨‍👩‍👧", count: 60), lastName: "山田", phone: nil,
                                           mobile: nil, language: nil, timeZone: nil)
        #expect(family.problems() == ["firstName": .tooLong(max: 100)])
        #expect(try db.count("audit_log", org: org.id) == before)

        let changes = EndUserProfileChanges(firstName: " 花子 ", lastName: "山田", phone: "03-1234-5678", mobile: "",
                                            language: "ja", timeZone: "Asia/Tokyo")
        let contact = try store.write(actor) { tx in try tx.updateOwnProfile(user, changes) }
        #expect(contact.firstName == "花子" && contact.lastName == "山田" && contact.phone == "03-1234-5678")
        #expect(contact.mobile == nil && contact.email == "yamada@example.jp")
        let stored = try #require(try store.portalUser(org: org.id, id: user.id))
        #expect(stored.language == "ja" && stored.timeZone == "Asia/Tokyo")
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "contact", action: .update), page: Page())
        #expect(entries.count == 1 && entries.first?.actorType == .endUser && entries.first?.actorID == user.contactID)
        #expect(entries.first?.changes == [
            FieldChange(field: "firstName", old: nil, new: "花子"), FieldChange(field: "lastName", old: "Yamada", new: "山田"),
            FieldChange(field: "phone", old: nil, new: "03-1234-5678"),
        ])
        // Saving the same values again writes nothing.
        let count = try db.count("audit_log", org: org.id)
        _ = try store.write(actor) { tx in try tx.updateOwnProfile(stored, changes) }
        #expect(try db.count("audit_log", org: org.id) == count)
    }

    @Test("The export holds the user's own tickets with the public conversation only, and zips them")
    func export() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        let user = try endUser(db, admin, email: "owner@example.jp")
        let other = try endUser(db, admin, email: "other@example.jp")
        let mine = try store.write(admin) { tx in
            try tx.createTicket(TicketDraft(subject: "請求書", description: "説明", contactID: user.contactID))
        }
        _ = try store.write(admin) { tx in
            try tx.createTicket(TicketDraft(subject: "Not yours", contactID: other.contactID))
        }
        _ = try store.write(admin) { tx in try tx.addComment(toTicket: mine.id, CommentDraft(content: "公開", isPublic: true)) }
        _ = try store.write(admin) { tx in try tx.addComment(toTicket: mine.id, CommentDraft(content: "SECRET", isPublic: false)) }
        _ = try store.write(admin) { tx in
            try tx.requestEmailChange(contact: user.contactID, portalUser: user.id, newEmail: "new@example.jp")
        }

        let export = try store.personalDataExport(owner: PortalTicketOwner(orgID: org.id, contactID: user.contactID),
                                                  portalUser: user.id)
        #expect(export.contact.email == "owner@example.jp" && export.portalUser.id == user.id)
        #expect(export.tickets.map(\.ticket.id) == [mine.id])
        let texts = export.tickets.flatMap(\.entries).map(\.text)
        #expect(texts.contains("説明") && texts.contains("公開") && !texts.contains("SECRET"))
        #expect(export.emailChangeRequests.map(\.newEmail) == ["new@example.jp"])
        // Another user's portal account cannot be exported under this contact.
        #expect(throws: StoreError.notFound) {
            try store.personalDataExport(owner: PortalTicketOwner(orgID: org.id, contactID: user.contactID), portalUser: other.id)
        }

        let zip = try PersonalDataArchive.zip(export, store: store)
        #expect(Array(zip.prefix(2)) == Array("PK".utf8))
        let text = String(decoding: zip, as: UTF8.self)
        #expect(text.contains("profile.json") && text.contains("tickets.csv") && text.contains("tickets/\(mine.ticketNumber).json"))
    }
}
