import FastCGI

/// Building a request from FastCGI/CGI parameters (RFC 3875 plus nginx's `REQUEST_URI`).
extension HTTPRequest {
    /// Creates a request from CGI parameters: `REQUEST_METHOD`, `REQUEST_URI` (path and query;
    /// `DOCUMENT_URI` + `QUERY_STRING` when absent), `HTTP_*` headers plus `CONTENT_TYPE` and
    /// `CONTENT_LENGTH`, `HTTP_HOST` (else `SERVER_NAME`), `REMOTE_ADDR` and `HTTP_X_REQUEST_ID`.
    /// Throws 400 `INVALID_URL` for a malformed path.
    public init(cgiParameters params: [String: String], body: [UInt8] = [], limits: HTTPLimits = HTTPLimits()) throws(HTTPError) {
        try self.init(cgi: CGIParameters(params), body: body, limits: limits)
    }

    /// Creates a request from a FastCGI request's parameters, as ``init(cgiParameters:body:limits:)``
    /// does from a dictionary, reading the environment once without building one.
    init(fastCGIRequest: FastCGIRequest, limits: HTTPLimits) throws(HTTPError) {
        try self.init(cgi: CGIParameters(fastCGIRequest), body: [], limits: limits)
    }

    private init(cgi: CGIParameters, body: [UInt8], limits: HTTPLimits) throws(HTTPError) {
        let uri: String
        if let requestURI = cgi.requestURI, !requestURI.isEmpty {
            uri = requestURI
        } else {
            let query = cgi.queryString ?? ""
            uri = (cgi.documentURI ?? "/") + (query.isEmpty ? "" : "?" + query)
        }
        let target = try RequestTarget(uri, maxQueryFields: limits.maxFormFields)
        self.init(
            method: HTTPMethod(rawValue: cgi.method.flatMap { $0.isEmpty ? nil : $0 } ?? "GET"),
            path: target.path,
            query: target.query,
            headers: HTTPHeaders(cgi.headers),
            host: RequestTarget.normalizedHost(cgi.httpHost ?? cgi.serverName ?? ""),
            remoteAddress: cgi.remoteAddress ?? "",
            requestID: cgi.requestID ?? "",
            body: body,
            limits: limits
        )
    }

    /// `REQUEST_METHOD`, `GET` when absent.
    static func cgiMethod(_ params: [String: String]) -> HTTPMethod {
        HTTPMethod(rawValue: params["REQUEST_METHOD"].flatMap { $0.isEmpty ? nil : $0 } ?? "GET")
    }
}
