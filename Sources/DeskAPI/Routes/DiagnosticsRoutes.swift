import DeskHTTP
import Foundation

/// Routes for the integration tests only, registered when `[server] diagnostics = true`.
struct DiagnosticsRoutes: Sendable {
    static let maxSleepMilliseconds = 10_000

    func register(on router: Router<WorkerContext>) {
        /// Holds a worker busy for `ms` milliseconds mid-response: the SIGTERM drain test keeps requests in
        /// flight with it.
        router.get("/_diag/sleep") { request, _ in
            guard let text = request.query["ms"], let milliseconds = Int(text),
                  (0...Self.maxSleepMilliseconds).contains(milliseconds) else {
                throw HTTPError(status: .badRequest, errorCode: "INVALID_DATA",
                                message: "ms must be an integer from 0 to \(Self.maxSleepMilliseconds).", format: .json)
            }
            let body = Array("{\"slept\":\(milliseconds),\"requestId\":\"\(request.requestID)\"}".utf8)
            let half = body.count / 2
            var response = HTTPResponse(status: .ok, body: .stream { writer in
                try writer.write(body[..<half])
                Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
                try writer.write(body[half...])
            })
            response.headers["Content-Type"] = "application/json; charset=utf-8"
            return response
        }
    }
}
