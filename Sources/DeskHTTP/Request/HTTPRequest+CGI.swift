/// Building a request from FastCGI/CGI parameters (RFC 3875 plus nginx's `REQUEST_URI`).
extension HTTPRequest {
    /// Creates a request from CGI parameters: `REQUEST_METHOD`, `REQUEST_URI` (path and query;
    /// `DOCUMENT_URI` + `QUERY_STRING` when absent), `HTTP_*` headers plus `CONTENT_TYPE` and
    /// `CONTENT_LENGTH`, `HTTP_HOST` (else `SERVER_NAME`), `REMOTE_ADDR` and `HTTP_X_REQUEST_ID`.
    /// Throws 400 `INVALID_URL` for a malformed path.
    public init(cgiParameters params: [String: String], body: [UInt8] = [], limits: HTTPLimits = HTTPLimits()) throws(HTTPError) {
        let uri: String
        if let requestURI = params["REQUEST_URI"], !requestURI.isEmpty {
            uri = requestURI
        } else {
            let query = params["QUERY_STRING"] ?? ""
            uri = (params["DOCUMENT_URI"] ?? "/") + (query.isEmpty ? "" : "?" + query)
        }
        let target = try RequestTarget(uri, maxQueryFields: limits.maxFormFields)
        self.init(
            method: Self.cgiMethod(params),
            path: target.path,
            query: target.query,
            headers: Self.cgiHeaders(params),
            host: RequestTarget.normalizedHost(params["HTTP_HOST"] ?? params["SERVER_NAME"] ?? ""),
            remoteAddress: params["REMOTE_ADDR"] ?? "",
            requestID: params["HTTP_X_REQUEST_ID"] ?? "",
            body: body,
            limits: limits
        )
    }

    /// `REQUEST_METHOD`, `GET` when absent.
    static func cgiMethod(_ params: [String: String]) -> HTTPMethod {
        HTTPMethod(rawValue: params["REQUEST_METHOD"].flatMap { $0.isEmpty ? nil : $0 } ?? "GET")
    }

    /// `HTTP_ACCEPT_LANGUAGE` → `Accept-Language`, plus `Content-Type` and `Content-Length`; sorted
    /// by name so that the order does not depend on dictionary iteration.
    static func cgiHeaders(_ params: [String: String]) -> HTTPHeaders {
        var pairs: [(String, String)] = []
        for (key, value) in params {
            if key.hasPrefix("HTTP_") {
                pairs.append((headerName(fromCGI: key.dropFirst(5)), value))
            } else if key == "CONTENT_TYPE" || key == "CONTENT_LENGTH" {
                if !value.isEmpty { pairs.append((headerName(fromCGI: Substring(key)), value)) }
            }
        }
        pairs.sort { $0.0 < $1.0 }
        return HTTPHeaders(pairs)
    }

    private static func headerName(fromCGI key: Substring) -> String {
        // Byte-wise on ASCII: this runs for every header of every request.
        var bytes = Array(key.utf8)
        var startsWord = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                bytes[index] = UInt8(ascii: "-")
                startsWord = true
                continue
            }
            if startsWord, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
                bytes[index] = byte - 32
            } else if !startsWord, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                bytes[index] = byte + 32
            }
            startsWord = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
