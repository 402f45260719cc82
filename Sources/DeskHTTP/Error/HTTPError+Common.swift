/// The errors deskd answers most often, with their status and error code.
extension HTTPError {
    /// 400 `INVALID_DATA` (default code) for a request that cannot be understood.
    public static func badRequest(_ message: String = "The request is invalid.", errorCode: String = "INVALID_DATA",
                                  fieldErrors: [FieldError] = []) -> HTTPError {
        HTTPError(status: .badRequest, errorCode: errorCode, message: message, fieldErrors: fieldErrors)
    }

    /// 422 `INVALID_DATA`: well-formed input whose values or shape are wrong.
    public static func invalidData(_ message: String = "An invalid value has been passed.",
                                   fieldErrors: [FieldError] = []) -> HTTPError {
        HTTPError(status: .unprocessableEntity, errorCode: "INVALID_DATA", message: message, fieldErrors: fieldErrors)
    }

    /// 401 `UNAUTHORIZED` (default code).
    public static func unauthorized(_ message: String = "Authentication is required.",
                                    errorCode: String = "UNAUTHORIZED") -> HTTPError {
        HTTPError(status: .unauthorized, errorCode: errorCode, message: message)
    }

    /// 403 `FORBIDDEN` (default code).
    public static func forbidden(_ message: String = "You do not have permission to do this.",
                                 errorCode: String = "FORBIDDEN") -> HTTPError {
        HTTPError(status: .forbidden, errorCode: errorCode, message: message)
    }

    /// 404 `URL_NOT_FOUND` (default code): no route, or the resource named by the URL does not exist.
    public static func notFound(_ message: String = "The requested URL was not found.",
                                errorCode: String = "URL_NOT_FOUND") -> HTTPError {
        HTTPError(status: .notFound, errorCode: errorCode, message: message)
    }

    /// 405 `METHOD_NOT_ALLOWED` with an `Allow` header listing `allowed`.
    public static func methodNotAllowed(allowed: [HTTPMethod]) -> HTTPError {
        HTTPError(status: .methodNotAllowed, errorCode: "METHOD_NOT_ALLOWED",
                  message: "The method is not allowed for this URL.",
                  headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
    }

    /// 412 `PRECONDITION_FAILED`.
    public static func preconditionFailed(_ message: String = "A precondition of the request failed.") -> HTTPError {
        HTTPError(status: .preconditionFailed, errorCode: "PRECONDITION_FAILED", message: message)
    }

    /// 413 `PAYLOAD_TOO_LARGE` naming the limit.
    public static func payloadTooLarge(limit: Int, what: String = "The request body") -> HTTPError {
        HTTPError(status: .payloadTooLarge, errorCode: "PAYLOAD_TOO_LARGE", message: "\(what) exceeds the limit of \(limit).")
    }

    /// 415 `UNSUPPORTED_MEDIA_TYPE` naming the expected content type.
    public static func unsupportedMediaType(expected: String) -> HTTPError {
        HTTPError(status: .unsupportedMediaType, errorCode: "UNSUPPORTED_MEDIA_TYPE",
                  message: "The Content-Type must be \(expected).")
    }

    /// 421 `MISDIRECTED_REQUEST`, always JSON: the host is not served here.
    public static func misdirected(host: String) -> HTTPError {
        HTTPError(status: .misdirectedRequest, errorCode: "MISDIRECTED_REQUEST",
                  message: "This server does not serve the host \"\(host)\".", format: .json)
    }

    /// 429 `TOO_MANY_REQUESTS`, with `Retry-After` when given.
    public static func tooManyRequests(retryAfterSeconds: Int? = nil) -> HTTPError {
        var error = HTTPError(status: .tooManyRequests, errorCode: "TOO_MANY_REQUESTS",
                              message: "Too many requests; try again later.")
        if let retryAfterSeconds { error.headers["Retry-After"] = String(retryAfterSeconds) }
        return error
    }

    /// 500 `INTERNAL_SERVER_ERROR` with no detail.
    public static func internalServerError() -> HTTPError {
        HTTPError(status: .internalServerError, errorCode: "INTERNAL_SERVER_ERROR",
                  message: "An internal error occurred.")
    }

    /// 503 `SERVICE_UNAVAILABLE`, with `Retry-After` when given.
    public static func serviceUnavailable(_ message: String = "The service is temporarily unavailable.",
                                          retryAfterSeconds: Int? = nil) -> HTTPError {
        var error = HTTPError(status: .serviceUnavailable, errorCode: "SERVICE_UNAVAILABLE", message: message)
        if let retryAfterSeconds { error.headers["Retry-After"] = String(retryAfterSeconds) }
        return error
    }
}
