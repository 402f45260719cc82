import DeskCore
import Foundation
import MariaDB

/// An org with an administrator and two end users (contacts A and B), for the end-user ticket tests.
struct EndUserTicketFixture {
    let db: StoreTestDatabase
    let store: Store
    let org: Org
    let admin: Agent
    let agentActor: Actor
    let userA: PortalTicketOwner
    let userB: PortalTicketOwner
    let limits = PortalAttachmentLimits(maxFileBytes: 600_000)

    init(_ db: StoreTestDatabase) throws {
        self.db = db
        store = db.store()
        (org, admin, agentActor) = try db.org()
        let actor = agentActor
        let a = try store.write(actor) {
            try $0.createContact(ContactDraft(firstName: "花子", lastName: "山田", email: "hanako@example.jp"))
        }
        let b = try store.write(actor) { try $0.createContact(ContactDraft(lastName: "Other", email: "b@example.com")) }
        userA = PortalTicketOwner(orgID: org.id, contactID: a.id)
        userB = PortalTicketOwner(orgID: org.id, contactID: b.id)
    }

    /// The actor of an end user's writes in the help center.
    func actor(_ owner: PortalTicketOwner) -> Actor {
        Actor.endUser(org: owner.orgID, contactID: owner.contactID, requestID: "portal-\(owner.contactID)")
    }

    /// Submits a ticket as `owner`.
    func submit(_ owner: PortalTicketOwner, _ subject: String, files: [AttachmentFile] = []) throws -> Ticket {
        try store.write(actor(owner)) {
            try $0.submitPortalTicket(PortalTicketDraft(subject: subject, files: files), limits: limits)
        }
    }

    /// Row counts of the tables the end user's writes touch, and of the audit log.
    func counts() throws -> [Int] {
        try ["tickets", "ticket_threads", "ticket_comments", "attachments", "attachment_chunks", "audit_log"].map {
            try db.count($0, org: org.id)
        }
    }

    static func bytes(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }
}
