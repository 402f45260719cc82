/// A request body limit for one route that differs from `HTTPLimits.maxBodyBytes`, e.g. file uploads that
/// may be larger (or must be smaller) than the other routes' bodies. The server picks the limit from the
/// method and path before it reads the body, and answers 413 with `errorCode` when the body is larger.
public struct RouteBodyLimit: Sendable, Equatable {
    /// The method the limit applies to.
    public let method: HTTPMethod
    /// The route pattern, e.g. `/api/v1/tickets/{id}/attachments` (`{name}` matches one non-empty segment).
    public let pattern: String
    /// The largest body read, in bytes.
    public let maxBytes: Int
    /// The error code of the 413 answer, e.g. `RESOURCE_SIZE_EXCEEDED`.
    public let errorCode: String

    private let segments: [RoutePattern.Segment]

    /// Creates a limit for `method` and `pattern`.
    public init(method: HTTPMethod, pattern: String, maxBytes: Int, errorCode: String = "PAYLOAD_TOO_LARGE") {
        self.method = method
        self.pattern = pattern
        self.maxBytes = maxBytes
        self.errorCode = errorCode
        self.segments = RoutePattern(pattern).segments
    }

    /// Whether the limit applies to a request with `method` and the percent-decoded `path`.
    public func matches(_ method: HTTPMethod, _ path: String) -> Bool {
        guard method == self.method else { return false }
        let parts = RoutePattern.split(path)
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in
            switch segment {
            case .literal(let text): part == text
            case .parameter: !part.isEmpty
            }
        }
    }
}

extension HTTPLimits {
    /// The route limit that applies to `method` and `path`, if any.
    public func routeBodyLimit(_ method: HTTPMethod, _ path: String) -> RouteBodyLimit? {
        routeBodyLimits.first { $0.matches(method, path) }
    }

    /// The body limit of a request: its route's limit, else `maxBodyBytes`.
    public func maxBodyBytes(_ method: HTTPMethod, _ path: String) -> Int {
        routeBodyLimit(method, path)?.maxBytes ?? maxBodyBytes
    }
}
