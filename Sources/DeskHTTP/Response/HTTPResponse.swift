import Foundation

/// A response: status, headers and a body of bytes or a stream.
public struct HTTPResponse: Sendable {
    /// A response body.
    public enum Body: Sendable {
        /// A complete body; `Content-Length` is set when it is written.
        case bytes([UInt8])
        /// A body written in pieces by the closure (no `Content-Length`); not run for HEAD requests.
        case stream(@Sendable (BodyWriter) throws -> Void)
    }

    /// The status.
    public var status: HTTPStatus
    /// The headers. `X-Request-Id` and `Content-Length` are set by the server.
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body bytes, or `nil` for a streamed body.
    public var bodyBytes: [UInt8]? {
        if case .bytes(let bytes) = body { return bytes }
        return nil
    }

    /// The body as UTF-8 text, or `nil` for a streamed body.
    public var bodyText: String? {
        bodyBytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A JSON response (`application/json; charset=utf-8`), ISO 8601 dates, keys sorted: the bytes of
    /// ``makeJSONEncoder()``, written by ``FastJSONEncoder`` (several times faster).
    /// A value that cannot be encoded (e.g. a non-finite Double) yields a bare 500 JSON body instead.
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) -> HTTPResponse {
        let headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        do {
            return HTTPResponse(status: status, headers: headers, body: .bytes(try FastJSONEncoder().encode(value)))
        } catch {
            let body = #"{"errorCode":"INTERNAL_SERVER_ERROR","message":"An internal error occurred."}"#
            return HTTPResponse(status: .internalServerError, headers: headers, body: .bytes(Array(body.utf8)))
        }
    }

    /// An HTML response (`text/html; charset=utf-8`). The text must already be escaped.
    public static func html(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .bytes(Array(text.utf8)))
    }

    /// A plain text response (`text/plain; charset=utf-8`).
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Array(text.utf8)))
    }

    /// An empty response, 204 by default.
    public static func empty(status: HTTPStatus = .noContent) -> HTTPResponse {
        HTTPResponse(status: status)
    }

    /// A redirect to `location` (303 See Other by default: after a form post, GET the new page).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location])
    }

    /// The Foundation encoder whose output `json(_:status:)` reproduces: ISO 8601 dates, sorted keys
    /// (stable bytes), slashes unescaped.
    public static func makeJSONEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
