import Logging

/// The HTTP pipeline: middlewares around routing, error rendering, response headers and the access log.
///
/// `respond(to:context:)` runs it for a FastCGI request; `handle(_:context:)` runs the same pipeline on
/// an `HTTPRequest` for tests. Middlewares run in list order, the first being the outermost.
public struct HTTPServer<Context>: Sendable {
    /// The routes.
    public let router: Router<Context>
    /// Middlewares around routing, outermost first.
    public let middlewares: [Middleware<Context>]
    /// Request limits; set on every request before routing.
    public let limits: HTTPLimits
    /// Where the access log and unexpected errors go.
    public let logger: Logger
    /// Renders `HTTPError`s.
    public let errorRenderer: ErrorRenderer
    /// Where each request's access line goes instead of an info message on `logger`, when set (nil: the
    /// logger). deskd's own line log sets it so that the line is written without swift-log metadata.
    public var accessLogWriter: (@Sendable (AccessRecord) -> Void)?

    /// Creates a server.
    public init(router: Router<Context>, middlewares: [Middleware<Context>] = [], limits: HTTPLimits, logger: Logger) {
        self.router = router
        self.middlewares = middlewares
        self.limits = limits
        self.logger = logger
        self.errorRenderer = ErrorRenderer()
    }

    /// Runs the pipeline without FastCGI: a streamed body is collected into bytes, a HEAD response has
    /// no body (but the `Content-Length` of the GET body), and one access line is logged.
    public func handle(_ request: HTTPRequest, context: Context) -> HTTPResponse {
        let start = ContinuousClock.now
        var (response, route) = process(request, context: context)
        if case .stream(let stream) = response.body, request.method != .head {
            var collected: [UInt8] = []
            do {
                try stream(BodyWriter(write: { collected.append(contentsOf: $0) }))
                response.body = .bytes(collected)
            } catch {
                logUnexpected(error, requestID: request.requestID)
                response = errorRenderer.response(for: .internalServerError(), path: request.path, requestID: request.requestID)
            }
        }
        finalize(&response, method: request.method, requestID: request.requestID)
        if request.method == .head { response.body = .bytes([]) }
        AccessLog(logger: logger, writer: accessLogWriter)
            .record(method: request.method, route: route, status: response.status,
                    duration: ContinuousClock.now - start, requestID: request.requestID)
        return response
    }

    /// Middlewares and routing; every thrown error rendered. Returns the response (body not yet
    /// trimmed for HEAD) and the route pattern for the access log.
    /// The request is taken over (`consuming`): the server's own copy is not needed after this call.
    func process(_ request: consuming HTTPRequest, context: Context) -> (HTTPResponse, String?) {
        var request = request
        request.limits = limits
        let initial = router.match(request.method, request.path)
        if case .found(_, let parameters, let pattern) = initial {
            request.parameters = parameters
            request.routePattern = pattern
        }
        var route = request.routePattern
        let initialMethod = request.method
        let initialPath = request.path

        do {
            // The innermost step: the handler of the route matched above, or of a new match when a
            // middleware changed the method or path. The chain runs through non-escaping closures
            // (``runMiddlewares(from:_:_:endpoint:)``), which live on the stack: building it allocates nothing.
            let response = try runMiddlewares(from: 0, request, context) { request, context in
                var request = request
                let match = request.method == initialMethod && request.path == initialPath
                    ? initial : router.match(request.method, request.path)
                switch match {
                case .found(let handler, let parameters, let pattern):
                    request.parameters = parameters
                    request.routePattern = pattern
                    route = pattern
                    return try handler(request, context)
                case .notFound:
                    throw HTTPError.notFound()
                case .methodNotAllowed(let allowed):
                    throw HTTPError.methodNotAllowed(allowed: allowed)
                }
            }
            return (response, route)
        } catch let error as HTTPError {
            if error.status.code >= 500 {
                logger.warning("request answered with a server error", metadata: [
                    "request_id": .string(request.requestID), "error_code": .string(error.errorCode),
                ])
            }
            return (errorRenderer.response(for: error, path: request.path, requestID: request.requestID), route)
        } catch {
            logUnexpected(error, requestID: request.requestID)
            return (errorRenderer.response(for: .internalServerError(), path: request.path, requestID: request.requestID), route)
        }
    }

    /// Runs the middlewares from `index` on, outermost first, then `endpoint`.
    private func runMiddlewares(from index: Int, _ request: HTTPRequest, _ context: Context,
                                endpoint: (HTTPRequest, Context) throws -> HTTPResponse) throws -> HTTPResponse {
        guard index < middlewares.count else { return try endpoint(request, context) }
        return try middlewares[index](request, context) { request, context in
            try runMiddlewares(from: index + 1, request, context, endpoint: endpoint)
        }
    }

    /// Sets `X-Request-Id`, and `Content-Length` for a byte body when the status allows a body.
    func finalize(_ response: inout HTTPResponse, method: HTTPMethod, requestID: String) {
        response.headers["X-Request-Id"] = requestID
        let code = response.status.code
        if code == 204 || code == 304 || (100..<200).contains(code) {
            response.headers.remove("Content-Length")
            response.body = .bytes([])
        } else if case .bytes(let bytes) = response.body {
            response.headers["Content-Length"] = String(bytes.count)
        }
    }

    /// Logs an error that is not an `HTTPError` (its description may name SQL text, never values).
    func logUnexpected(_ error: any Error, requestID: String) {
        logger.error("request failed", metadata: [
            "request_id": .string(requestID),
            "error_type": .string(String(reflecting: type(of: error))),
            "error": .string(String(describing: error)),
        ])
    }
}
