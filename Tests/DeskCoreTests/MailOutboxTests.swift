import DeskCore
import Foundation
import Logging
import MariaDB
import Testing

@Suite("Mail: the outbox, its delivery and the message format")
struct MailOutboxTests {
    /// A transport that fails the first `failures` messages, then records them.
    final class FlakyTransport: MailTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var failures: Int
        private(set) var sent: [MailMessage] = []
        init(failures: Int) { self.failures = failures }
        func send(_ message: MailMessage) throws {
            try lock.withLock {
                if failures > 0 { failures -= 1; throw MailTransportError("refused") }
                sent.append(message)
            }
        }
    }

    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test("An email queued in a write that rolls back is never sent; one that commits is sent once")
    func queuedWithTheWrite() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        struct Rollback: Error {}
        #expect(throws: Rollback.self) {
            try store.write(admin) { tx in
                try tx.enqueueEmail(to: "gone@example.com", subject: "never", body: "never")
                throw Rollback()
            }
        }
        _ = try store.write(admin) { tx in
            try tx.enqueueEmail(to: "ann@example.com", subject: "ようこそ Welcome", body: "こんにちは\nline 2")
        }
        #expect(try db.count("outbox_emails", org: org.id) == 1)
        let transport = FlakyTransport(failures: 0)
        let delivery = MailDelivery(transport: transport, from: "deskd <no-reply@example.com>", batchSize: 10,
                                    maxAttempts: 3, logger: Self.logger)
        #expect(try delivery.runBatch(store: store) == MailDelivery.Outcome(sent: 1, failed: 0))
        #expect(try delivery.runBatch(store: store).claimed == 0, "sent once")
        #expect(transport.sent.map(\.to) == ["ann@example.com"])
        #expect(transport.sent.first?.subject == "ようこそ Welcome")
        #expect(throws: StoreError.self) {
            try store.write(admin) { try $0.enqueueEmail(to: "x@example.com", subject: "a\r\nBcc: y@example.com", body: "") }
        }
    }

    @Test("A failed delivery is retried later with backoff and given up after maxAttempts")
    func retries() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        _ = try store.write(admin) { try $0.enqueueEmail(to: "ann@example.com", subject: "s", body: "b") }
        let transport = FlakyTransport(failures: 5)
        let delivery = MailDelivery(transport: transport, from: "f <f@example.com>", batchSize: 10, maxAttempts: 2,
                                    logger: Self.logger)
        #expect(try delivery.runBatch(store: store).failed == 1)
        #expect(try delivery.runBatch(store: store).claimed == 0, "not due before the backoff")
        try db.connection.execute("UPDATE outbox_emails SET next_attempt_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND")
        #expect(try delivery.runBatch(store: store).failed == 1)
        try db.connection.execute("UPDATE outbox_emails SET next_attempt_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND")
        #expect(try delivery.runBatch(store: store).claimed == 0, "given up after 2 attempts")
        let row = try #require(try db.connection.queryFirst(
            "SELECT attempts, failed_at IS NOT NULL AS failed, last_error FROM outbox_emails WHERE org_id = \(org.id)"))
        #expect(try row.decode("attempts", as: Int.self) == 2 && row.decode("failed", as: Int.self) == 1)
        #expect(try row.decode("last_error", as: String.self) == "refused")
        #expect(MailDelivery.backoff(attempts: 1) == 30 && MailDelivery.backoff(attempts: 3) == 120)
        #expect(MailDelivery.backoff(attempts: 50) == 6 * 3600)
    }

    @Test("Two deliverers never claim the same email (SKIP LOCKED and the claim column)")
    func claims() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (_, _, admin) = try db.org()
        for index in 0..<5 { _ = try store.write(admin) { try $0.enqueueEmail(to: "u\(index)@example.com", subject: "s", body: "b") } }
        let other = db.store(try Connection(options: db.options))
        let first = try store.claimDueEmails(limit: 3)
        let second = try other.claimDueEmails(limit: 10)
        #expect(first.count == 3 && second.count == 2)
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
        #expect(try store.claimDueEmails(limit: 10).isEmpty)
        other.connection.close()
    }

    @Test("The file sink writes one RFC 5322 .eml file per email, UTF-8 safe")
    func fileSink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deskd-sink-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let message = MailMessage(from: "deskd <no-reply@example.com>", to: "ann@example.com",
                                  subject: "メールアドレスの確認 for Acme", body: "こんにちは\nhttps://x.example/verify?token=abc\n",
                                  date: Date(timeIntervalSince1970: 1_700_000_000), messageID: "1.2@deskd")
        try FileSinkTransport(directory: folder).send(message)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files == ["1.2_deskd.eml"])
        let text = try String(contentsOfFile: folder + "/" + files[0], encoding: .utf8)
        #expect(text.hasPrefix("From: deskd <no-reply@example.com>\r\nTo: ann@example.com\r\nSubject: =?UTF-8?B?"))
        #expect(text.contains("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"))
        let body = text.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        let decoded = String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
        #expect(decoded == "こんにちは\r\nhttps://x.example/verify?token=abc\r\n")
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(text.utf8.allSatisfy { $0 < 0x80 }, "7-bit clean")
    }

    @Test("sendmail -t -i receives the message on standard input")
    func sendmail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deskd-sendmail-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/sendmail"
        try "#!/bin/sh\necho \"$@\" > \(folder)/args\ncat > \(folder)/message\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let message = MailMessage(from: "f <f@example.com>", to: "ann@example.com", subject: "Hi", body: "x",
                                  date: Date(), messageID: "3.4@deskd")
        try SendmailTransport(program: script).send(message)
        #expect(try String(contentsOfFile: folder + "/args", encoding: .utf8) == "-t -i\n")
        #expect(try String(contentsOfFile: folder + "/message", encoding: .utf8) == message.text)
        #expect(throws: MailTransportError.self) {
            try SendmailTransport(program: folder + "/missing").send(message)
        }
    }
}
