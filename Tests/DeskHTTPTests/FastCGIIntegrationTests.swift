@testable import DeskHTTP
import DeskTesting
import FastCGI
import Foundation
import Logging
import Testing

/// HTTPServer inside a real FastCGI Responder on a temporary unix socket.
@Suite(.serialized) struct FastCGIIntegrationTests {
    final class Running: Sendable {
        let responder: Responder
        let path: String
        let logs: Locked<[CapturedLog]>
        private let finished = DispatchSemaphore(value: 0)

        init(limits: HTTPLimits = HTTPLimits()) throws {
            let router = Router<Int>()
            router.get("/api/v1/tickets/{id}") { request, worker in
                .json(["id": try request.parameters.require("id"), "worker": String(worker)])
            }
            router.post("/api/v1/echo") { request, _ in
                .text(String(decoding: request.body, as: UTF8.self))
            }
            router.get("/stream") { _, _ in
                HTTPResponse(headers: ["Content-Type": "text/plain"], body: .stream { writer in
                    for index in 0..<3 {
                        try writer.write("chunk\(index);")
                        try writer.flush()
                    }
                })
            }
            router.get("/boom") { _, _ in throw CocoaError(.fileNoSuchFile) }
            let (logger, logs) = capturingLogger()
            self.logs = logs
            let server = HTTPServer(router: router, limits: limits, logger: logger)
            path = "/tmp/deskd-http-test-\(UUID().uuidString.prefix(12)).sock"
            responder = try Responder(
                configuration: ResponderConfiguration(listen: .unixSocket(path: path, permissions: 0o600), workerCount: 2),
                logger: logger
            )
            let responder = responder
            let finished = finished
            Thread {
                responder.run(makeWorker: { $0 }, handle: { request, worker in server.respond(to: request, context: worker) })
                finished.signal()
            }.start()
        }

        func stop() -> Bool {
            responder.stop()
            return finished.wait(timeout: .now() + 10) == .success
        }
    }

    func params(_ method: String, _ uri: String, extra: [String: String] = [:]) -> [String: String] {
        ["REQUEST_METHOD": method, "REQUEST_URI": uri, "HTTP_HOST": "us.desk.localhost:8443",
         "REMOTE_ADDR": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1"].merging(extra) { $1 }
    }

    @Test func servesRoutesErrorsStreamsAndHead() throws {
        let running = try Running(limits: HTTPLimits(maxBodyBytes: 64))
        defer { #expect(running.stop()) }
        let client = try FastCGITestClient(path: running.path)

        let ok = try client.roundTrip(params: params("GET", "/api/v1/tickets/7?x=1", extra: ["HTTP_X_REQUEST_ID": "fcgi-1"]),
                                      keepConnection: true)
        #expect(ok.statusLine == "Status: 200 OK")
        #expect(ok.header("X-Request-Id") == "fcgi-1")
        #expect(ok.header("Content-Length") == String(ok.body.utf8.count))
        #expect(ok.body.contains(#""id":"7""#))

        let echo = try client.roundTrip(params: params("POST", "/api/v1/echo", extra: ["CONTENT_LENGTH": "5"]),
                                        body: Array("hello".utf8), keepConnection: true)
        #expect(echo.body == "hello")

        let tooLarge = try client.roundTrip(params: params("POST", "/api/v1/echo", extra: ["CONTENT_LENGTH": "100"]),
                                            body: [UInt8](repeating: 65, count: 100), keepConnection: true)
        #expect(tooLarge.statusLine == "Status: 413 Content Too Large")
        #expect(tooLarge.body.contains("PAYLOAD_TOO_LARGE"))

        let notAllowed = try client.roundTrip(params: params("DELETE", "/api/v1/tickets/7"), keepConnection: true)
        #expect(notAllowed.status == 405)
        #expect(notAllowed.header("Allow") == "GET, HEAD")

        let head = try client.roundTrip(params: params("HEAD", "/api/v1/tickets/7"), keepConnection: true)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == ok.header("Content-Length"))

        let stream = try client.roundTrip(params: params("GET", "/stream"), keepConnection: true)
        #expect(stream.body == "chunk0;chunk1;chunk2;")
        #expect(stream.header("Content-Length") == nil)

        let badURL = try client.roundTrip(params: params("GET", "/api/v1/a%2Fb"), keepConnection: true)
        #expect(badURL.status == 400)
        #expect(badURL.body.contains("INVALID_URL"))

        let boom = try client.roundTrip(params: params("GET", "/boom"), keepConnection: false)
        #expect(boom.statusLine == "Status: 500 Internal Server Error")
        #expect(!boom.body.contains("Cocoa") && !boom.body.contains("fileNoSuchFile"))

        let accessLines = running.logs.current.filter { $0.message == "request" }
        #expect(accessLines.count == 8)
        #expect(accessLines.first?.metadata["route"] == "/api/v1/tickets/{id}")
        #expect(accessLines.first?.metadata["request_id"] == "fcgi-1")
        #expect(running.logs.current.contains { $0.level == .error && $0.message == "request failed" })
    }
}
