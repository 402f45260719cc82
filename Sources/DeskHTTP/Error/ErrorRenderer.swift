/// Turns an `HTTPError` into a response: JSON under `/api/` and `/oauth/`, a small HTML page
/// elsewhere, unless the error's `format` forces one.
///
/// JSON body: `{"errorCode":"…","message":"…","errors":[{"fieldName","errorType","errorMessage"}],"requestId":"…"}`
/// (`errors` only when there are field errors). Error responses carry `Cache-Control: no-store` and the
/// error's own headers (e.g. `Allow`).
public struct ErrorRenderer: Sendable {
    /// Creates the renderer.
    public init() {}

    /// The response for `error` on a request to `path` with `requestID`.
    public func response(for error: HTTPError, path: String, requestID: String) -> HTTPResponse {
        var response: HTTPResponse
        switch error.format ?? Self.defaultFormat(forPath: path) {
        case .json:
            response = .json(Body(error: error, requestID: requestID), status: error.status)
            response.status = error.status
        case .html:
            response = .html(Self.page(for: error, requestID: requestID), status: error.status)
        }
        for (name, value) in error.headers {
            response.headers[name] = value
        }
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// JSON for `/api`, `/api/…`, `/oauth` and `/oauth/…`; HTML elsewhere.
    public static func defaultFormat(forPath path: String) -> ErrorFormat {
        for prefix in ["/api", "/oauth"] where path == prefix || path.hasPrefix(prefix + "/") {
            return .json
        }
        return .html
    }

    private struct Body: Encodable {
        let errorCode: String
        let message: String
        let errors: [FieldError]?
        let requestId: String

        init(error: HTTPError, requestID: String) {
            errorCode = error.errorCode
            message = error.message
            errors = error.fieldErrors.isEmpty ? nil : error.fieldErrors
            requestId = requestID
        }
    }

    private static func page(for error: HTTPError, requestID: String) -> String {
        let title = HTML.escape("\(error.status.code) \(error.status.reason)")
        var fields = ""
        if !error.fieldErrors.isEmpty {
            fields = "<ul>" + error.fieldErrors.map {
                "<li><code>\(HTML.escape($0.fieldName))</code>: \(HTML.escape($0.errorMessage))</li>"
            }.joined() + "</ul>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
        <title>\(title)</title></head>
        <body>
        <h1>\(title)</h1>
        <p>\(HTML.escape(error.message))</p>
        \(fields)<p><small>Request ID: <code>\(HTML.escape(requestID))</code></small></p>
        </body>
        </html>

        """
    }
}
