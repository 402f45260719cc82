import DeskTesting
import FastCGI
import Foundation
import Logging

/// A Responder on a fresh temporary unix socket, running on its own thread.
final class RunningResponder: Sendable {
    let responder: Responder
    let path: String
    private let finished = DispatchSemaphore(value: 0)

    convenience init(
        workerCount: Int = 4,
        drainTimeout: Duration = .seconds(10),
        handle: @escaping @Sendable (FastCGIRequest, Int) -> Void
    ) throws {
        try self.init(path: Self.temporarySocketPath(), workerCount: workerCount, drainTimeout: drainTimeout, handle: handle)
    }

    /// A responder on `path`.
    static func onPath(_ path: String, handle: @escaping @Sendable (FastCGIRequest, Int) -> Void) throws -> RunningResponder {
        try RunningResponder(path: path, workerCount: 2, drainTimeout: .seconds(10), handle: handle)
    }

    private init(
        path: String,
        workerCount: Int,
        drainTimeout: Duration,
        handle: @escaping @Sendable (FastCGIRequest, Int) -> Void
    ) throws {
        self.path = path
        let configuration = ResponderConfiguration(
            listen: .unixSocket(path: path, permissions: 0o600),
            workerCount: workerCount,
            drainTimeout: drainTimeout
        )
        responder = try Responder(configuration: configuration, logger: Logger(label: "deskd.fastcgi.test"))
        let responder = responder
        let finished = finished
        let thread = Thread {
            responder.run(makeWorker: { index in index }, handle: handle)
            finished.signal()
        }
        thread.start()
    }

    /// Calls stop() and waits at most `timeout` for run() to return; returns whether it did.
    func stopAndWait(timeout: TimeInterval = 10) -> Bool {
        responder.stop()
        return waitForRun(timeout: timeout)
    }

    /// Waits at most `timeout` for run() to return.
    func waitForRun(timeout: TimeInterval) -> Bool {
        finished.wait(timeout: .now() + timeout) == .success
    }

    func client() throws -> FastCGITestClient {
        try FastCGITestClient(path: path)
    }

    static func temporarySocketPath() -> String {
        "/tmp/deskd-fcgi-test-\(UUID().uuidString.prefix(12)).sock"
    }
}

/// CGI params for a request to `uri` carrying `token` in an `X-Token` header.
func requestParams(uri: String, token: String = "-", method: String = "GET", contentLength: Int? = nil) -> [String: String] {
    var params = [
        "REQUEST_METHOD": method, "REQUEST_URI": uri, "SCRIPT_NAME": uri,
        "HTTP_HOST": "us.desk.localhost", "HTTP_X_TOKEN": token, "SERVER_PROTOCOL": "HTTP/1.1",
    ]
    if let contentLength { params["CONTENT_LENGTH"] = String(contentLength) }
    return params
}

/// The test handler: `/echo` answers with the X-Token param, the worker index and the body (body
/// limit `bodyLimit`, 413 when over); `/ignore-body` answers without reading the body.
func echoHandler(bodyLimit: Int = 1024) -> @Sendable (FastCGIRequest, Int) -> Void {
    { request, worker in
        do {
            switch request.param("REQUEST_URI") {
            case "/ignore-body":
                try request.write("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nignored token=\(request.param("HTTP_X_TOKEN") ?? "-")")
            default:
                let body = try request.readBody(maxBytes: bodyLimit)
                try request.write("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\n")
                try request.write("token=\(request.param("HTTP_X_TOKEN") ?? "-") worker=\(worker) body=")
                try request.write(body)
            }
        } catch FastCGIError.bodyTooLarge(let limit) {
            try? request.write("Status: 413 Payload Too Large\r\n\r\nlimit=\(limit)")
        } catch {
            try? request.write("Status: 500 Internal Server Error\r\n\r\n\(error)")
        }
    }
}
