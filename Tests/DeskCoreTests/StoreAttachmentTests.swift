import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: attachments and uploads")
struct StoreAttachmentTests {
    /// Deterministic bytes of `count` (a different value at every position within a chunk).
    static func bytes(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &+ ($0 >> 8)) }
    }

    /// Reads the content back chunk by chunk, recording each chunk's size.
    static func content(_ store: Store, _ attachment: DeskCore.Attachment, org: Int64) throws -> ([UInt8], [Int]) {
        var all: [UInt8] = []
        var sizes: [Int] = []
        try store.readContent(of: attachment, in: org) { chunk in
            all += chunk
            sizes.append(chunk.count)
        }
        return (all, sizes)
    }

    @Test("Chunking boundaries: 0 bytes, 1, exactly 256 KiB, 256 KiB + 1 and 3 × 256 KiB + 5 round-trip byte for byte",
          arguments: [0, 1, 262_144, 262_145, 3 * 262_144 + 5])
    func chunking(size: Int) throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Files")) }
        let data = Self.bytes(size)
        let file = AttachmentFile(fileName: "報告書 (最終).pdf", contentType: "application/pdf", bytes: data, isPublic: true)
        let attachment = try store.write(actor) { try $0.addAttachment(toTicket: ticket.id, file) }
        #expect(attachment.size == Int64(size) && attachment.fileName == "報告書 (最終).pdf")
        #expect(attachment.contentType == "application/pdf" && attachment.isPublic && attachment.creatorID == agent.id)
        #expect(attachment.sha256 == SHA256Digest.hash(data) && attachment.ticketID == ticket.id)
        let expectedChunks = (size + AttachmentChunking.size - 1) / AttachmentChunking.size
        #expect(try store.chunkCount(ofAttachment: attachment.id, in: org.id) == expectedChunks)
        let (read, sizes) = try Self.content(store, attachment, org: org.id)
        #expect(read == data)
        #expect(sizes.count == expectedChunks)
        #expect(sizes.allSatisfy { $0 <= AttachmentChunking.size })
        #expect(sizes.dropLast().allSatisfy { $0 == AttachmentChunking.size })
        #expect(try store.attachments(ofTicket: ticket.id, for: .system(org.id), page: Page()) == [attachment])
    }

    @Test("Create is audited with its fields; delete removes the row and every chunk, audited without the name")
    func createAndDelete() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, agent, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Files")) }
        let data = Self.bytes(600_000)
        let attachment = try store.write(actor) {
            try $0.addAttachment(toTicket: ticket.id, AttachmentFile(fileName: "a/b\\c.txt", contentType: "Text/HTML; charset=utf-8", bytes: data))
        }
        #expect(attachment.fileName == "a/b\\c.txt" && attachment.contentType == "text/html" && !attachment.isPublic)
        let created = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "attachment"), page: Page())
        #expect(created.count == 1)
        #expect(created.first?.changes == [
            FieldChange(field: "ticketId", old: nil, new: String(ticket.id)),
            FieldChange(field: "name", old: nil, new: "a/b\\c.txt"),
            FieldChange(field: "contentType", old: nil, new: "text/html"),
            FieldChange(field: "size", old: nil, new: "600000"),
            FieldChange(field: "sha256", old: nil, new: SHA256Digest.hex(data)),
            FieldChange(field: "isPublic", old: nil, new: "false"),
            FieldChange(field: "creatorId", old: nil, new: String(agent.id)),
        ])
        #expect(try db.count("attachment_chunks", org: org.id) == 3)

        try store.write(actor) { try $0.deleteAttachment(attachment.id, ofTicket: ticket.id) }
        #expect(try db.count("attachments", org: org.id) == 0)
        #expect(try db.count("attachment_chunks", org: org.id) == 0)
        let deleted = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "attachment", action: .delete),
                                             page: Page())
        #expect(deleted.map(\.changes) == [[FieldChange(field: "size", old: "600000", new: nil)]])
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { try $0.deleteAttachment(attachment.id, ofTicket: ticket.id) }
        }
    }

    @Test("Uploads link once to a reply or comment of the same org and agent; bad ids roll everything back")
    func uploads() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (_, _, otherActor) = try db.org("other")
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Files")) }
        let upload = try store.write(actor) { try $0.createUpload(AttachmentFile(fileName: "x.png", contentType: "image/png", bytes: [1, 2, 3])) }
        #expect(upload.ticketID == nil && upload.expiresAt != nil)
        let foreign = try store.write(otherActor) { try $0.createUpload(AttachmentFile(fileName: "y", contentType: nil, bytes: [9])) }
        #expect(foreign.contentType == "application/octet-stream")

        let threadsBefore = try db.count("ticket_threads", org: org.id)
        #expect(throws: UploadLinkError(index: 1)) {
            try store.write(actor) {
                try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "Hi", attachmentIDs: [upload.id, foreign.id]))
            }
        }
        #expect(throws: UploadLinkError(index: 1)) {
            try store.write(actor) {
                try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "Hi", attachmentIDs: [upload.id, upload.id]))
            }
        }
        #expect(try db.count("ticket_threads", org: org.id) == threadsBefore)
        #expect(try store.upload(upload.id, in: org.id)?.ticketID == nil)

        let thread = try store.write(actor) {
            try $0.sendReply(toTicket: ticket.id, ReplyDraft(content: "Hi", attachmentIDs: [upload.id]))
        }
        let linked = try store.attachments(ofThread: thread.id, ticket: ticket.id, in: org.id)
        #expect(linked.map(\.id) == [upload.id] && linked.first?.expiresAt == nil && linked.first?.threadID == thread.id)
        #expect(throws: UploadLinkError(index: 0)) {
            try store.write(actor) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "again", attachmentIDs: [upload.id])) }
        }
        let updates = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "attachment", action: .update), page: Page())
        #expect(updates.count == 1)
        #expect(updates.first?.changes.map(\.field) == ["ticketId", "threadId", "expiresTime"])
    }

    @Test("Expired uploads cannot be linked and are purged with their chunks in bounded batches")
    func expiry() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Files")) }
        var ids: [Int64] = []
        for _ in 0..<3 {
            ids.append(try store.write(actor) { try $0.createUpload(AttachmentFile(fileName: "old", contentType: nil, bytes: Self.bytes(300_000))) }.id)
        }
        try db.connection.execute("""
            UPDATE attachments SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE org_id = \(org.id)
            """)
        #expect(throws: UploadLinkError(index: 0)) {
            try store.write(actor) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "c", attachmentIDs: [ids[0]])) }
        }
        #expect(try store.write(actor) { try $0.purgeExpiredUploads(limit: 2) } == 2)
        #expect(try db.count("attachments", org: org.id) == 1)
        #expect(try store.write(actor) { try $0.purgeExpiredUploads(limit: 2) } == 1)
        #expect(try db.count("attachments", org: org.id) == 0)
        #expect(try db.count("attachment_chunks", org: org.id) == 0)
    }

    @Test("Trash hides a ticket's attachments, restore shows them, permanent delete removes them and all chunks")
    func recycleBin() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let ticket = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Files")) }
        let keep = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "Keep")) }
        let direct = try store.write(actor) { try $0.addAttachment(toTicket: ticket.id, AttachmentFile(fileName: "a", contentType: nil, bytes: Self.bytes(270_000))) }
        let upload = try store.write(actor) { try $0.createUpload(AttachmentFile(fileName: "b", contentType: nil, bytes: Self.bytes(10))) }
        _ = try store.write(actor) { try $0.addComment(toTicket: ticket.id, CommentDraft(content: "c", attachmentIDs: [upload.id])) }
        let other = try store.write(actor) { try $0.addAttachment(toTicket: keep.id, AttachmentFile(fileName: "k", contentType: nil, bytes: [1])) }

        try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) }
        #expect(throws: StoreError.notFound) { try store.attachments(ofTicket: ticket.id, for: .system(org.id), page: Page()) }
        #expect(throws: StoreError.notFound) { try store.attachment(direct.id, ofTicket: ticket.id, for: .system(org.id)) }
        try store.write(actor) { try $0.restore([ticket.id]) }
        #expect(try store.attachments(ofTicket: ticket.id, for: .system(org.id), page: Page()).map(\.id) == [direct.id, upload.id])

        try store.write(actor) { try $0.moveToTrash(tickets: [ticket.id]) }
        try store.write(actor) { try $0.deletePermanently([ticket.id]) }
        #expect(try db.count("attachments", org: org.id) == 1)
        #expect(try db.count("attachment_chunks", org: org.id) == 1)
        #expect(try store.attachments(ofTicket: keep.id, for: .system(org.id), page: Page()) == [other])
        let deletes = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "attachment", action: .delete), page: Page())
        #expect(Set(deletes.map(\.recordID)) == [direct.id, upload.id])
    }

    @Test("File names and media types are cleaned: control characters, empty names, invalid types")
    func cleaning() {
        #expect(AttachmentFile(fileName: " \u{0}a\u{7}b\n.txt ", contentType: "text/plain", bytes: []).fileName == "ab.txt")
        #expect(AttachmentFile(fileName: nil, contentType: "bad type", bytes: []).fileName == "file")
        #expect(AttachmentFile(fileName: "x", contentType: "bad type", bytes: []).contentType == "application/octet-stream")
        #expect(AttachmentFile(fileName: String(repeating: "長", count: 300), contentType: nil, bytes: []).fileName.count == 255)
        #expect(AttachmentFile(fileName: "x", contentType: "image/svg+xml", bytes: []).contentType == "image/svg+xml")
    }
}
