import DeskTesting
import FastCGI
import Foundation
import Testing

@Suite("Responder: stop and drain")
struct ResponderStopTests {
    /// `/sleep`: signals `started`, writes and flushes the first part, sleeps `sleep`, writes the rest.
    private static func sleepingHandler(started: DispatchSemaphore, sleep: TimeInterval) -> @Sendable (FastCGIRequest, Int) -> Void {
        { request, _ in
            started.signal()
            do {
                try request.write("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\npart1;")
                try request.flush()
                Thread.sleep(forTimeInterval: sleep)
                try request.write("part2;token=\(request.param("HTTP_X_TOKEN") ?? "-")")
            } catch {
                // the client went away; nothing to do
            }
        }
    }

    @Test("stop() while requests are in flight: each gets its full response, then run() returns")
    func stopWhileInFlight() throws {
        let started = DispatchSemaphore(value: 0)
        let server = try RunningResponder(workerCount: 4, handle: Self.sleepingHandler(started: started, sleep: 0.4))
        let responses = Locked<[String: Result<String, any Error>]>([:])
        let group = DispatchGroup()
        for index in 0..<3 {
            group.enter()
            Thread {
                defer { group.leave() }
                let token = "inflight-\(index)"
                let result = Result {
                    let client = try server.client()
                    let response = try client.roundTrip(
                        params: requestParams(uri: "/sleep", token: token), keepConnection: true)
                    #expect(client.seesEndOfFile(), "the kept connection is closed after the drain")
                    return response.body
                }
                responses.withValue { $0[token] = result }
            }.start()
        }
        for _ in 0..<3 {
            #expect(started.wait(timeout: .now() + 10) == .success)
        }

        let stopAt = Date()
        #expect(server.stopAndWait(timeout: 10), "run() returned after the drain")
        let drained = Date().timeIntervalSince(stopAt)
        #expect(drained < 5, "drain took \(drained) s")
        #expect(group.wait(timeout: .now() + 10) == .success)

        for index in 0..<3 {
            let token = "inflight-\(index)"
            let body = try #require(responses.withValue { $0[token] }).get()
            #expect(body == "part1;part2;token=\(token)")
        }
        #expect(throws: (any Error).self, "no new connections after stop") { try server.client() }
    }

    @Test("stop() with an idle kept-alive connection returns promptly and closes it")
    func stopWithIdleKeptConnection() throws {
        let server = try RunningResponder(workerCount: 2, drainTimeout: .seconds(30), handle: echoHandler())
        let client = try server.client()
        let response = try client.roundTrip(params: requestParams(uri: "/echo", token: "idle"), keepConnection: true)
        #expect(response.body.hasPrefix("token=idle "))

        let stopAt = Date()
        #expect(server.stopAndWait(timeout: 10))
        let elapsed = Date().timeIntervalSince(stopAt)
        #expect(elapsed < 1, "stop took \(elapsed) s with an idle kept connection")
        #expect(client.seesEndOfFile())
    }

    @Test("stop() with every worker idle in accept returns promptly and removes the socket file")
    func stopWhenIdle() throws {
        let server = try RunningResponder(workerCount: 8, handle: echoHandler())
        #expect(FileManager.default.fileExists(atPath: server.path))
        let stopAt = Date()
        #expect(server.stopAndWait(timeout: 10))
        #expect(Date().timeIntervalSince(stopAt) < 1)
        #expect(!FileManager.default.fileExists(atPath: server.path))
    }

    @Test("run() returns after drainTimeout when a handler does not finish")
    func drainTimeout() throws {
        let started = DispatchSemaphore(value: 0)
        let server = try RunningResponder(
            workerCount: 2, drainTimeout: .milliseconds(300),
            handle: Self.sleepingHandler(started: started, sleep: 3))
        let client = try server.client()
        try client.send(params: requestParams(uri: "/sleep", token: "slow"), keepConnection: false)
        #expect(started.wait(timeout: .now() + 10) == .success)

        let stopAt = Date()
        server.responder.stop()
        #expect(server.waitForRun(timeout: 2))
        let elapsed = Date().timeIntervalSince(stopAt)
        #expect(elapsed >= 0.25 && elapsed < 2, "run() returned after \(elapsed) s")
    }

    @Test("a client gone mid-response makes write throw instead of killing the process")
    func writeToGoneClientThrows() throws {
        let outcome = Locked<(any Error)?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let server = try RunningResponder(workerCount: 2) { request, _ in
            started.signal()
            Thread.sleep(forTimeInterval: 0.2)  // the client closes meanwhile
            let chunk = [UInt8](repeating: 0x7A, count: 64 * 1024)
            do {
                try request.write("Status: 200 OK\r\n\r\n")
                for _ in 0..<64 {
                    try request.write(chunk)
                    try request.flush()
                }
            } catch {
                outcome.withValue { $0 = error }
            }
            finished.signal()
        }
        defer { _ = server.stopAndWait() }

        let client = try server.client()
        try client.send(params: requestParams(uri: "/big"), keepConnection: true)
        #expect(started.wait(timeout: .now() + 10) == .success)
        client.close()
        #expect(finished.wait(timeout: .now() + 10) == .success)

        let error = try #require(outcome.withValue { $0 })
        guard case FastCGIError.writeFailed(let code) = error else {
            Issue.record("expected writeFailed, got \(error)")
            return
        }
        #expect(code == EPIPE || code == ECONNRESET)

        // The responder still serves.
        let next = try server.client().roundTrip(params: requestParams(uri: "/next"), keepConnection: false)
        #expect(next.status == 200)
    }
}
