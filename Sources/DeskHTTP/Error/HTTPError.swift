/// An intended error: it renders itself as the response (JSON under `/api/` and `/oauth/`, an HTML
/// page elsewhere, unless `format` forces one), with its status, Zoho Desk–style `errorCode`, message
/// and optional field errors.
///
/// Anything thrown that is not an `HTTPError` becomes a bare 500 and is logged, never shown.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The response status.
    public var status: HTTPStatus
    /// A stable machine-readable code such as `"INVALID_DATA"` or `"URL_NOT_FOUND"`.
    public var errorCode: String
    /// A human-readable message; shown to the client, so it must not hold internal details.
    public var message: String
    /// Field-level problems, rendered as `errors` when not empty.
    public var fieldErrors: [FieldError]
    /// `nil` chooses by path (JSON under `/api/` and `/oauth/`, HTML elsewhere); a value forces it.
    public var format: ErrorFormat?
    /// Extra response headers, e.g. `Allow` on 405 or `Retry-After` on 429 and 503.
    public var headers: HTTPHeaders

    /// Creates an error.
    public init(
        status: HTTPStatus,
        errorCode: String,
        message: String,
        fieldErrors: [FieldError] = [],
        format: ErrorFormat? = nil,
        headers: HTTPHeaders = HTTPHeaders()
    ) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
        self.fieldErrors = fieldErrors
        self.format = format
        self.headers = headers
    }

    public var description: String { "HTTPError(\(status.code) \(errorCode))" }
}
