@testable import deskd
@testable import DeskHTTP
import Foundation
import Logging
import Testing

@Suite("Log lines")
struct BufferedLogSinkTests {
    /// A temporary file to log into, read back after a flush.
    final class LogFile {
        let path = NSTemporaryDirectory() + "deskd-log-\(UInt64.random(in: 0...UInt64.max)).log"
        let descriptor: Int32

        init() {
            descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        }

        func lines() throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }

        deinit {
            close(descriptor)
            unlink(path)
        }
    }

    @Test("Every line from many threads arrives once, and each thread's lines stay in order")
    func concurrentAppends() async throws {
        let file = LogFile()
        let sink = BufferedLogSink(descriptor: file.descriptor, interval: .seconds(60), shardCount: 4,
                                   maxShardBytes: 2048)
        let threads = 8, perThread = 500
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<threads {
                group.addTask {
                    for number in 0..<perThread { sink.append("t\(thread) n\(number)", urgent: false) }
                }
            }
        }
        sink.flush()
        let lines = try file.lines()
        #expect(lines.count == threads * perThread)
        for thread in 0..<threads {
            let numbers = lines.filter { $0.hasPrefix("t\(thread) ") }.map { Int($0.split(separator: "n").last!)! }
            #expect(numbers == Array(0..<perThread))
        }
    }

    @Test("Urgent lines are written at once, with what came before them")
    func urgentFlushes() throws {
        let file = LogFile()
        let sink = BufferedLogSink(descriptor: file.descriptor, interval: .seconds(60))
        sink.append("first", urgent: false)
        #expect(try file.lines().isEmpty)
        sink.append("second", urgent: true)
        #expect(try file.lines() == ["first", "second"])
    }

    @Test("The line format: UTC timestamp, level, label, message, sorted metadata")
    func format() throws {
        let file = LogFile()
        let sink = BufferedLogSink(descriptor: file.descriptor, interval: .seconds(60))
        var handler = LineLogHandler(label: "deskd", sink: sink, logLevel: .info)
        handler[metadataKey: "worker"] = "3"
        let logger = Logger(label: "deskd") { _ in handler }
        logger.warning("request", metadata: ["status": "200", "method": "GET"])
        let line = try #require(try file.lines().first)
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z warning deskd: request method=GET status=200 worker=3$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test("An access line written directly equals the info message with the same metadata")
    func accessLineMatchesTheLoggedLine() throws {
        let file = LogFile()
        let sink = BufferedLogSink(descriptor: file.descriptor, interval: .seconds(60))
        let handler = LineLogHandler(label: "deskd", sink: sink, logLevel: .info)
        let logger = Logger(label: "deskd") { _ in handler }
        let record = AccessRecord(method: .get, route: "/api/v1/tickets/{id}", status: .ok,
                                  duration: .microseconds(1_234), requestID: "rid-1")
        logger.info("request", metadata: [
            "method": "GET", "route": "/api/v1/tickets/{id}", "status": "200", "duration_ms": "1.234",
            "request_id": "rid-1",
        ])
        let writer = try #require(AccessLineWriter.forLevel(.info, label: "deskd", sink: sink))
        writer.write(record)
        writer.write(AccessRecord(method: .post, route: nil, status: .notFound, duration: .zero, requestID: "rid-2"))
        sink.flush()
        let lines = try file.lines().map { $0.drop { $0 != " " } }   // without the timestamps
        #expect(lines.count == 3)
        #expect(lines[0] == " info deskd: request duration_ms=1.234 method=GET request_id=rid-1 route=/api/v1/tickets/{id} status=200")
        #expect(lines[1] == lines[0])
        #expect(lines[2] == " info deskd: request duration_ms=0.000 method=POST request_id=rid-2 route=- status=404")
        #expect(try file.lines().allSatisfy { $0.prefix(24).wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/#) != nil })
    }

    @Test("No access line writer when the level leaves out info lines")
    func noAccessLinesAboveInfo() {
        let sink = BufferedLogSink(descriptor: -1, interval: .seconds(60))
        #expect(AccessLineWriter.forLevel(.notice, label: "deskd", sink: sink) == nil)
        #expect(AccessLineWriter.forLevel(.debug, label: "deskd", sink: sink) != nil)
    }
}
