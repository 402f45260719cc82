import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: an end user's own tickets in the help center")
struct EndUserTicketStoreTests {
    @Test("Submitting a ticket: Web channel, the user's contact and email, files as public attachments, all audited")
    func submit() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        let department = try f.store.write(f.agentActor) { try $0.createDepartment(DepartmentDraft(name: "サポート")) }
        let big = EndUserTicketFixture.bytes(300_000)
        let draft = PortalTicketDraft(
            subject: "ログインできません", description: "パスワードを忘れました。\n二行目", departmentID: department.id,
            files: [AttachmentFile(fileName: "画面.png", contentType: "image/png", bytes: big),
                    AttachmentFile(fileName: "log.txt", contentType: "text/plain", bytes: Array("ok".utf8))])
        let ticket = try f.store.write(f.actor(f.userA)) {
            try $0.submitPortalTicket(draft, limits: f.limits)
        }
        #expect(ticket.subject == "ログインできません" && ticket.description == "パスワードを忘れました。\n二行目")
        #expect(ticket.channel == .web && ticket.status == .open && ticket.contactID == f.userA.contactID)
        #expect(ticket.email == "hanako@example.jp" && ticket.departmentID == department.id && ticket.assigneeID == nil)
        #expect(ticket.ticketNumber >= 1)

        let attachments = try f.store.attachments(ofTicket: ticket.id, for: .system(f.org.id), page: Page())
        #expect(attachments.map(\.fileName) == ["画面.png", "log.txt"])
        #expect(attachments.allSatisfy { $0.isPublic && $0.creatorID == f.userA.contactID && $0.threadID == nil })
        #expect(try f.store.chunkCount(ofAttachment: attachments[0].id, in: f.org.id) == 2)
        var read: [UInt8] = []
        try f.store.readContent(of: attachments[0], in: f.org.id) { read += $0 }
        #expect(read == big)

        let entries = try f.store.auditEntries(in: f.org.id, filter: AuditFilter(), page: Page(limit: 100))
            .filter { $0.requestID == "portal-\(f.userA.contactID)" }
        #expect(entries.map(\.recordType).sorted() == ["attachment", "attachment", "ticket"])
        let create = try #require(entries.first { $0.recordType == "ticket" })
        #expect(create.action == .create && create.recordID == ticket.id)
        #expect(create.changes.contains(FieldChange(field: "subject", old: nil, new: "ログインできません")))
        #expect(create.changes.contains(FieldChange(field: "channel", old: nil, new: "Web")))
        #expect(create.changes.contains(FieldChange(field: "contactId", old: nil, new: String(f.userA.contactID))))
    }

    @Test("Bad subject, description, department, too many or too large files: refused, nothing written")
    func refusals() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        let disabled = try f.store.write(f.agentActor) { tx in
            let department = try tx.createDepartment(DepartmentDraft(name: "Old"))
            return try tx.setDepartmentEnabled(department.id, false)
        }
        let before = try f.counts()
        let cases: [(PortalTicketDraft, any Error)] = [
            (PortalTicketDraft(subject: "  \n"), StoreError.invalid(field: "subject", reason: "must not be empty")),
            (PortalTicketDraft(subject: String(repeating: "あ", count: 256)),
             StoreError.invalid(field: "subject", reason: "must be at most 255 characters")),
            (PortalTicketDraft(subject: "x", description: String(repeating: "a", count: 65_536)),
             StoreError.invalid(field: "description", reason: "must be at most 65535 characters")),
            (PortalTicketDraft(subject: "x", departmentID: disabled.id),
             StoreError.invalid(field: "departmentId", reason: "is not a department of this help center")),
            (PortalTicketDraft(subject: "x", departmentID: 12345),
             StoreError.invalid(field: "departmentId", reason: "is not a department of this help center")),
            (PortalTicketDraft(subject: "x", files: [AttachmentFile(fileName: "a", contentType: nil, bytes: [1]),
                                                    AttachmentFile(fileName: "b", contentType: nil,
                                                                   bytes: EndUserTicketFixture.bytes(600_001))]),
             PortalAttachmentTooLarge(index: 1, maxFileBytes: 600_000)),
            (PortalTicketDraft(subject: "x", files: Array(repeating: AttachmentFile(fileName: "a", contentType: nil, bytes: [1]),
                                                           count: 11)),
             StoreError.invalid(field: "attachments", reason: "must be at most 10 files")),
        ]
        for (draft, expected) in cases {
            do {
                _ = try f.store.write(f.actor(f.userA)) {
                    try $0.submitPortalTicket(draft, limits: f.limits)
                }
                Issue.record("accepted a bad draft: \(expected)")
            } catch {
                #expect("\(error)" == "\(expected)")
            }
        }
        #expect(try f.counts() == before)
    }

    @Test("The list holds only the user's live tickets, newest first, paged, with the total")
    func list() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        var mine: [Ticket] = []
        for index in 1...5 { mine.append(try f.submit(f.userA, "A\(index)")) }
        _ = try f.submit(f.userB, "B1")
        _ = try f.store.write(f.agentActor) { try $0.createTicket(TicketDraft(subject: "agent's own")) }
        try f.store.write(f.agentActor) { try $0.moveToTrash(tickets: [mine[2].id]) }

        let first = try f.store.portalTickets(of: f.userA, page: Page(from: 1, limit: 3))
        #expect(first.total == 4)
        #expect(first.tickets.map(\.subject) == ["A5", "A4", "A2"])
        let second = try f.store.portalTickets(of: f.userA, page: Page(from: 4, limit: 3))
        #expect(second.tickets.map(\.subject) == ["A1"] && second.total == 4)
        #expect(try f.store.portalTickets(of: f.userB, page: Page()).tickets.map(\.subject) == ["B1"])

        // The last update counts visible replies and public comments, not private ones.
        let replied = try f.store.write(f.agentActor) {
            try $0.sendReply(toTicket: mine[0].id, ReplyDraft(content: "answer"))
        }
        _ = try f.store.write(f.agentActor) {
            try $0.addComment(toTicket: mine[1].id, CommentDraft(content: "private", isPublic: false))
        }
        let withMessages = try f.store.portalTickets(of: f.userA, page: Page(from: 1, limit: 10))
        #expect(withMessages.lastMessageAt == [mine[0].id: replied.createdAt])
        let answered = try #require(withMessages.tickets.first { $0.id == mine[0].id })
        #expect(withMessages.lastUpdate(of: answered) == replied.createdAt)
        let noted = try #require(withMessages.tickets.first { $0.id == mine[1].id })
        #expect(withMessages.lastUpdate(of: noted) == noted.updatedAt)

        #expect(try f.store.portalTicket(mine[0].id, of: f.userA)?.subject == "A1")
        #expect(try f.store.portalTicket(mine[0].id, of: f.userB) == nil)
        #expect(try f.store.portalTicket(mine[2].id, of: f.userA) == nil)
        let otherOrg = PortalTicketOwner(orgID: f.org.id + 1, contactID: f.userA.contactID)
        #expect(try f.store.portalTicket(mine[0].id, of: otherOrg) == nil)
        #expect(throws: StoreError.notFound) { try f.store.portalConversation(ofTicket: mine[0].id, owner: f.userB) }
    }

    @Test("The conversation: description, public threads and public comments in time order, never private ones")
    func conversation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        let agent = try f.store.write(f.agentActor) {
            try $0.createAgent(AgentDraft(email: "taro@acme.example", firstName: "Taro", lastName: "Sato"))
        }
        let agentActor = Actor(orgID: f.org.id, agentID: agent.id, requestID: "agent")
        let ticket = try f.store.write(f.actor(f.userA)) {
            try $0.submitPortalTicket(
                PortalTicketDraft(subject: "Help", description: "First line\nsecond line",
                                  files: [AttachmentFile(fileName: "mine.txt", contentType: nil, bytes: [1])]),
                limits: f.limits)
        }
        let reply = try f.store.write(agentActor) {
            try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "<p>Hello &amp; welcome</p><p>Line 2</p>",
                                                            contentType: .html))
        }
        let hiddenThread = try f.store.write(agentActor) {
            try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "internal forward"))
        }
        try db.connection.execute("""
            UPDATE ticket_threads SET visibility = 'private' WHERE org_id = \(f.org.id) AND id = \(hiddenThread.id)
            """)
        let forward = try f.store.write(agentActor) {
            try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "to a vendor", isForward: true))
        }
        let privateComment = try f.store.write(agentActor) {
            try $0.addComment(toTicket: ticket.id, CommentDraft(content: "SECRET note", isPublic: false))
        }
        let privateFile = try f.store.write(agentActor) { tx in
            let upload = try tx.createUpload(AttachmentFile(fileName: "secret.pdf", contentType: nil, bytes: [9], isPublic: true))
            try tx.linkUploads([upload.id], toTicket: ticket.id, comment: privateComment.id)
            return upload
        }
        let hiddenTicketFile = try f.store.write(agentActor) {
            try $0.addAttachment(toTicket: ticket.id, AttachmentFile(fileName: "internal.txt", contentType: nil, bytes: [3]))
        }
        let publicComment = try f.store.write(agentActor) {
            try $0.addComment(toTicket: ticket.id, CommentDraft(content: "We are on it", isPublic: true))
        }
        let userReply = try f.store.write(f.actor(f.userA)) {
            try $0.addPortalReply(toTicket: ticket.id, PortalMessageDraft(
                content: "Thanks <b>", files: [AttachmentFile(fileName: "r.txt", contentType: "text/plain", bytes: [4, 5])]),
                limits: f.limits)
        }
        let userComment = try f.store.write(f.actor(f.userA)) {
            try $0.addPortalComment(toTicket: ticket.id, PortalMessageDraft(content: "コメント"),
                                    limits: f.limits)
        }
        #expect(userReply.direction == .incoming && userReply.authorType == .endUser)
        #expect(userReply.authorID == f.userA.contactID && userReply.contentType == .plainText)
        #expect(userReply.visibility == .public)
        #expect(userComment.isPublic && userComment.commenterType == .endUser && userComment.commenterID == f.userA.contactID)

        let entries = try f.store.portalConversation(ofTicket: ticket.id, owner: f.userA)
        #expect(entries.map(\.kind) == [.description, .reply, .comment, .reply, .comment])
        #expect(entries.map(\.id) == [ticket.id, reply.id, publicComment.id, userReply.id, userComment.id])
        #expect(entries[0].text == "First line\nsecond line" && entries[0].author == .you)
        #expect(entries[0].attachments.map(\.fileName) == ["mine.txt"])
        #expect(entries[1].text == "Hello & welcome\nLine 2" && entries[1].author == .agent(name: "Taro Sato"))
        #expect(entries[2].author == .agent(name: "Taro Sato") && entries[2].text == "We are on it")
        #expect(entries[3].author == .you && entries[3].text == "Thanks <b>")
        #expect(entries[3].attachments.map(\.fileName) == ["r.txt"])
        #expect(entries[4].author == .you && entries[4].text == "コメント")
        let shown = entries.map(\.id)
        #expect(!shown.contains(hiddenThread.id) && !shown.contains(forward.id) && !shown.contains(privateComment.id))
        #expect(!entries.contains { $0.text.contains("SECRET") })

        // Downloads: only what the conversation shows, and only to the ticket's user.
        let replyFile = entries[3].attachments[0]
        #expect(try f.store.portalAttachment(replyFile.id, ofTicket: ticket.id, owner: f.userA) == replyFile)
        #expect(try f.store.portalAttachment(entries[0].attachments[0].id, ofTicket: ticket.id, owner: f.userA) != nil)
        #expect(try f.store.portalAttachment(replyFile.id, ofTicket: ticket.id, owner: f.userB) == nil)
        #expect(try f.store.portalAttachment(privateFile.id, ofTicket: ticket.id, owner: f.userA) == nil)
        #expect(try f.store.portalAttachment(hiddenTicketFile.id, ofTicket: ticket.id, owner: f.userA) == nil)
        let other = try f.submit(f.userA, "Other")
        #expect(try f.store.portalAttachment(replyFile.id, ofTicket: other.id, owner: f.userA) == nil)
    }

    @Test("Reply, comment and close work only on the user's own live ticket; refusals write nothing")
    func ownership() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        let ticket = try f.submit(f.userA, "Mine")
        let trashed = try f.submit(f.userA, "Trashed")
        try f.store.write(f.agentActor) { try $0.moveToTrash(tickets: [trashed.id]) }
        let before = try f.counts()
        for id in [ticket.id, trashed.id, 987_654] {
            let owner = id == ticket.id ? f.userB : f.userA
            #expect(throws: StoreError.notFound) {
                try f.store.write(f.actor(owner)) {
                    try $0.addPortalReply(toTicket: id, PortalMessageDraft(content: "x"), limits: f.limits)
                }
            }
            #expect(throws: StoreError.notFound) {
                try f.store.write(f.actor(owner)) {
                    try $0.addPortalComment(toTicket: id, PortalMessageDraft(content: "x"), limits: f.limits)
                }
            }
            #expect(throws: StoreError.notFound) {
                try f.store.write(f.actor(owner)) { try $0.closePortalTicket(id) }
            }
        }
        // Only an end user's write may use these: an agent or the system gets notFound.
        for actor in [f.agentActor, Actor.system(f.org.id)] {
            #expect(throws: StoreError.notFound) { try f.store.write(actor) { try $0.closePortalTicket(ticket.id) } }
            #expect(throws: StoreError.notFound) {
                try f.store.write(actor) { try $0.submitPortalTicket(PortalTicketDraft(subject: "x"), limits: f.limits) }
            }
        }
        #expect(throws: StoreError.invalid(field: "content", reason: "must not be empty")) {
            try f.store.write(f.actor(f.userA)) {
                try $0.addPortalReply(toTicket: ticket.id, PortalMessageDraft(content: " "), limits: f.limits)
            }
        }
        #expect(throws: PortalAttachmentTooLarge(index: 0, maxFileBytes: 600_000)) {
            try f.store.write(f.actor(f.userA)) {
                try $0.addPortalComment(toTicket: ticket.id, PortalMessageDraft(
                    content: "x", files: [AttachmentFile(fileName: "big", contentType: nil,
                                                         bytes: EndUserTicketFixture.bytes(600_001))]),
                    limits: f.limits)
            }
        }
        #expect(try f.counts() == before)
    }

    @Test("Closing: status Closed audited once; closing again writes nothing; a reply reopens the ticket")
    func close() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        let ticket = try f.submit(f.userA, "Mine")
        let closed = try f.store.write(f.actor(f.userA)) { try $0.closePortalTicket(ticket.id) }
        #expect(closed.status == .closed && closed.version == ticket.version + 1)
        let before = try f.counts()
        let again = try f.store.write(f.actor(f.userA)) { try $0.closePortalTicket(ticket.id) }
        #expect(again.version == closed.version)
        #expect(try f.counts() == before)

        _ = try f.store.write(f.actor(f.userA)) {
            try $0.addPortalReply(toTicket: ticket.id, PortalMessageDraft(content: "still broken"),
                                  limits: f.limits)
        }
        #expect(try f.store.portalTicket(ticket.id, of: f.userA)?.status == .open)
        let updates = try f.store.auditEntries(in: f.org.id, filter: AuditFilter(recordType: "ticket", recordID: ticket.id,
                                                                                 action: .update), page: Page())
        #expect(updates.map(\.changes) == [[FieldChange(field: "status", old: "Closed", new: "Open")],
                                           [FieldChange(field: "status", old: "Open", new: "Closed")]])
        #expect(updates.allSatisfy { $0.requestID == "portal-\(f.userA.contactID)" })
        #expect(updates.allSatisfy { $0.actorType == .endUser && $0.actorID == f.userA.contactID })
    }

    @Test("HTML content becomes plain text with its line breaks; plain text stays as it is")
    func contentText() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let f = try EndUserTicketFixture(db)
        let ticket = try f.submit(f.userA, "T")
        _ = try f.store.write(f.agentActor) {
            try $0.sendReply(toTicket: ticket.id, ReplyDraft(
                content: "<div>Hi&nbsp;there,<br>try <a href=\"x\">this</a>\n&lt;script&gt;</div><p>Bye</p>",
                contentType: .html))
        }
        _ = try f.store.write(f.agentActor) {
            try $0.addComment(toTicket: ticket.id, CommentDraft(content: "<b>not html</b>\n2", isPublic: true))
        }
        let entries = try f.store.portalConversation(ofTicket: ticket.id, owner: f.userA)
        #expect(entries[1].text == "Hi there,\ntry this <script>\nBye")
        #expect(entries[2].text == "<b>not html</b>\n2")
        #expect(entries[0].text == "" && entries[1].author == .agent(name: "Admin"))
    }
}
