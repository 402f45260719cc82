/// A request as handlers see it: method, decoded path, query, headers, cookies, host, body, and the
/// route parameters the router filled in.
public struct HTTPRequest: Sendable {
    /// The method (`HEAD` requests are routed as `GET`; the method stays `HEAD`).
    public var method: HTTPMethod
    /// The percent-decoded path without the query, e.g. `/api/v1/tickets/42`.
    public var path: String
    /// The query string's parameters.
    public var query: QueryParameters
    /// The request headers.
    public var headers: HTTPHeaders
    /// Cookies from the `Cookie` header; the first of a repeated name wins.
    public var cookies: [String: String]
    /// The `Host` without port, lowercased (IPv6 literals keep their brackets: `[::1]`).
    public var host: String
    /// The client address as the web server saw it (`REMOTE_ADDR`).
    public var remoteAddress: String
    /// The client's `X-Request-Id` when it matches `[A-Za-z0-9._-]{1,128}`, else a generated one.
    public var requestID: String
    /// The request body (already bounded by `HTTPLimits.maxBodyBytes`).
    public var body: [UInt8]
    /// Parameters captured by the router.
    public var parameters: RouteParameters
    /// The matched route pattern, e.g. `/api/v1/tickets/{id}`; `nil` when no route matched.
    public var routePattern: String?
    /// The limits the body decoders apply; the server sets its own before routing.
    public var limits: HTTPLimits

    /// Creates a request from its parts. `cookies` default to those parsed from `headers`.
    public init(
        method: HTTPMethod,
        path: String,
        query: QueryParameters = QueryParameters(),
        headers: HTTPHeaders = HTTPHeaders(),
        cookies: [String: String]? = nil,
        host: String = "localhost",
        remoteAddress: String = "127.0.0.1",
        requestID: String? = nil,
        body: [UInt8] = [],
        limits: HTTPLimits = HTTPLimits()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies ?? Cookies.parse(headers.values(for: "Cookie"))
        self.host = host
        self.remoteAddress = remoteAddress
        self.requestID = RequestID.resolve(requestID ?? headers["X-Request-Id"])
        self.body = body
        self.parameters = RouteParameters()
        self.routePattern = nil
        self.limits = limits
    }

    /// Creates a request from a request target such as `/api/v1/tickets?limit=10`; the host defaults
    /// to the `Host` header. Throws 400 `INVALID_URL` for a malformed path.
    public init(
        method: HTTPMethod = .get,
        uri: String,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1",
        limits: HTTPLimits = HTTPLimits()
    ) throws(HTTPError) {
        let target = try RequestTarget(uri, maxQueryFields: limits.maxFormFields)
        self.init(method: method, path: target.path, query: target.query, headers: headers,
                  host: RequestTarget.normalizedHost(headers["Host"] ?? "localhost"),
                  remoteAddress: remoteAddress, body: body, limits: limits)
    }

    /// The parsed `Content-Type`, or `nil` when absent.
    public var contentType: MediaType? {
        headers["Content-Type"].map(MediaType.init(parsing:))
    }
}
