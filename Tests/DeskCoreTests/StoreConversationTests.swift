import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: threads, comments and conversations")
struct StoreConversationTests {
    @Test("A reply writes one outgoing public thread by the agent and exactly one audit 'create' entry")
    func reply() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Help")) }
        let thread = try store.write(actor) { tx in
            try tx.sendReply(toTicket: ticket.id, ReplyDraft(content: "<p>Hello &amp; welcome</p>", contentType: .html))
        }
        #expect(thread.direction == .outgoing && thread.visibility == .public && thread.channel == .email)
        #expect(thread.authorType == .agent && thread.authorID == agent.id && thread.ticketID == ticket.id)
        #expect(thread.summary == "Hello & welcome")
        #expect(try store.thread(thread.id, ofTicket: ticket.id, for: .system(org.id)) == thread)
        #expect(try store.threads(ofTicket: ticket.id, for: .system(org.id), page: Page()) == [thread])

        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "thread"), page: Page())
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.action == .create && entry.recordID == thread.id && entry.actorID == agent.id)
        #expect(entry.changes == [
            FieldChange(field: "ticketId", old: nil, new: String(ticket.id)),
            FieldChange(field: "direction", old: nil, new: "out"),
            FieldChange(field: "channel", old: nil, new: "EMAIL"),
            FieldChange(field: "content", old: nil, new: "<p>Hello &amp; welcome</p>"),
            FieldChange(field: "contentType", old: nil, new: "html"),
            FieldChange(field: "authorType", old: nil, new: "AGENT"),
            FieldChange(field: "authorId", old: nil, new: String(agent.id)),
            FieldChange(field: "visibility", old: nil, new: "public"),
            FieldChange(field: "isForward", old: nil, new: "false"),
        ])
    }

    @Test("Comment create, update (changed fields only; a no-op writes nothing) and delete, each audited")
    func comments() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Help")) }
        let comment = try store.write(actor) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "Note")) }
        #expect(comment.version == 1 && !comment.isPublic && comment.commenterID == agent.id)
        #expect(comment.commenterType == .agent && comment.contentType == .plainText)

        let updated = try store.write(actor) {
            try $0.updateComment(comment.id, ofTicket: ticket.id, changes: CommentChanges(content: "Note 2", isPublic: true))
        }
        #expect(updated.version == 2 && updated.content == "Note 2" && updated.isPublic)
        let same = try store.write(actor) {
            try $0.updateComment(comment.id, ofTicket: ticket.id, changes: CommentChanges(content: "Note 2"))
        }
        #expect(same.version == 2)
        try store.write(actor) { try $0.deleteComment(comment.id, ofTicket: ticket.id) }
        #expect(try store.comment(comment.id, ofTicket: ticket.id, for: .system(org.id)) == nil)
        #expect(try db.count("ticket_comments", org: org.id) == 0)

        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "comment"), page: Page())
        #expect(entries.map(\.action) == [.delete, .update, .create])
        #expect(entries[0].changes == [])
        #expect(entries[1].changes == [FieldChange(field: "content", old: "Note", new: "Note 2"),
                                       FieldChange(field: "isPublic", old: "false", new: "true")])
        #expect(entries[2].changes.contains(FieldChange(field: "content", old: nil, new: "Note")))
        #expect(entries.allSatisfy { $0.recordID == comment.id && $0.actorID == agent.id })
    }

    @Test("Empty or over-long content is refused and writes nothing")
    func validation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Help")) }
        #expect(throws: StoreError.invalid(field: "content", reason: "must not be empty")) {
            try store.write(actor) { try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "  \n")) }
        }
        #expect(throws: StoreError.self) {
            try store.write(actor) {
                try $0.addComment(toTicket: ticket.id, CommentDraft(content: String(repeating: "x", count: 65_536)))
            }
        }
        #expect(try db.count("ticket_threads", org: org.id) == 0)
        #expect(try db.count("ticket_comments", org: org.id) == 0)
        #expect(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "thread"), page: Page()).isEmpty)
    }

    @Test("Another org's ticket and a trashed ticket are not found; their children are invisible")
    func isolation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (orgA, _, actorA) = try db.org("alpha")
        let (orgB, _, actorB) = try db.org("beta")
        let ticket = try store.write(actorA) { try $0.createTicket(TicketDraft(subject: "A's")) }
        let comment = try store.write(actorA) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "secret")) }
        let thread = try store.write(actorA) { try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "hi")) }

        #expect(throws: StoreError.notFound) { try store.threads(ofTicket: ticket.id, for: .system(orgB.id), page: Page()) }
        #expect(throws: StoreError.notFound) { try store.comment(comment.id, ofTicket: ticket.id, for: .system(orgB.id)) }
        #expect(throws: StoreError.notFound) {
            try store.write(actorB) { try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "x")) }
        }
        #expect(throws: StoreError.notFound) {
            try store.write(actorB) { try $0.updateComment(comment.id, ofTicket: ticket.id, changes: CommentChanges(content: "x")) }
        }
        #expect(throws: StoreError.notFound) {
            try store.write(actorB) { try $0.deleteComment(comment.id, ofTicket: ticket.id) }
        }
        #expect(try db.count("ticket_threads", org: orgB.id) == 0)
        #expect(try store.comment(comment.id, ofTicket: ticket.id, for: .system(orgA.id))?.content == "secret")

        try store.write(actorA) { try $0.moveToTrash(tickets: [ticket.id]) }
        #expect(throws: StoreError.notFound) { try store.thread(thread.id, ofTicket: ticket.id, for: .system(orgA.id)) }
        #expect(throws: StoreError.notFound) { try store.conversations(ofTicket: ticket.id, for: .system(orgA.id), page: Page()) }
        #expect(throws: StoreError.notFound) {
            try store.write(actorA) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "late")) }
        }
        try store.write(actorA) { try $0.restore([ticket.id]) }
        #expect(try store.conversations(ofTicket: ticket.id, for: .system(orgA.id), page: Page()).count == 2)
    }

    @Test("Conversations merge threads and comments in time order and page over the merge")
    func conversations() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Help")) }
        var made: [Int64] = []
        for index in 0..<5 {
            if index % 2 == 0 {
                made.append(try store.write(actor) { try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "r\(index)")) }.id)
            } else {
                made.append(try store.write(actor) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "c\(index)")) }.id)
            }
        }
        let all = try store.conversations(ofTicket: ticket.id, for: .system(org.id), page: Page(from: 1, limit: 10))
        #expect(all.map(\.id) == made)
        let middle = try store.conversations(ofTicket: ticket.id, for: .system(org.id), page: Page(from: 2, limit: 3))
        #expect(middle.map(\.id) == Array(made[1..<4]))
        if case .comment = middle[0] {} else { Issue.record("the second item is a comment") }
    }

    @Test("Deleting a ticket permanently removes its threads and comments, each audited 'delete'")
    func purge() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Gone")) }
        let other = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Stays")) }
        let thread = try store.write(actor) { try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "reply")) }
        let comment = try store.write(actor) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "note")) }
        _ = try store.write(actor) { try $0.addComment(toTicket: other.id, CommentDraft(content: "kept")) }

        try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) }
        #expect(try db.count("ticket_threads", org: org.id) == 1)
        try store.write(actor) { try $0.deletePermanently([ticket.id]) }
        #expect(try db.count("ticket_threads", org: org.id) == 0)
        #expect(try db.count("ticket_comments", org: org.id) == 1)
        #expect(try store.comments(ofTicket: other.id, for: .system(org.id), page: Page()).map(\.content) == ["kept"])

        let threadEntries = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: thread.id), page: Page())
        #expect(threadEntries.map(\.action) == [.delete, .create])
        #expect(threadEntries.first?.changes == [])
        let commentEntries = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: comment.id), page: Page())
        #expect(commentEntries.map(\.action) == [.delete, .create])
    }
}
