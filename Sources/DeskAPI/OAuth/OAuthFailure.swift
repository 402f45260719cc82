import DeskCore
import DeskHTTP

/// A refused token request, answered as OAuth 2.0 JSON (RFC 6749 §5.2) like Zoho's accounts server:
/// `{"error":"<code>","error_description":"…"}` with `Cache-Control: no-store`.
///
/// Statuses: 401 for `invalid_client` (the client could not be authenticated: unknown, wrong secret, or
/// a client of another org or region); 400 for `invalid_request`, `invalid_grant`, `invalid_scope` and
/// `unsupported_grant_type`; 503 `temporarily_unavailable` (with `Retry-After`) while the region's
/// database is unreachable.
struct OAuthFailure: Error {
    let status: HTTPStatus
    let code: String
    let description: String

    static func invalidRequest(_ description: String) -> OAuthFailure {
        OAuthFailure(status: .badRequest, code: "invalid_request", description: description)
    }

    static let unsupportedGrantType = OAuthFailure(
        status: .badRequest, code: "unsupported_grant_type",
        description: "grant_type must be client_credentials or refresh_token.")

    static let unavailable = OAuthFailure(
        status: .serviceUnavailable, code: "temporarily_unavailable",
        description: "This region's database is unavailable; try again shortly.")

    init(status: HTTPStatus, code: String, description: String) {
        self.status = status
        self.code = code
        self.description = description
    }

    init(_ error: OAuthError) {
        switch error {
        case .invalidClient:
            self.init(status: .unauthorized, code: "invalid_client", description: "The client could not be authenticated.")
        case .invalidGrant:
            self.init(status: .badRequest, code: "invalid_grant", description: "The refresh token is invalid, expired or revoked.")
        case .invalidScope:
            self.init(status: .badRequest, code: "invalid_scope", description: "A requested scope is invalid or not granted to the client.")
        }
    }

    private struct Body: Encodable {
        let error: String
        let error_description: String
    }

    var response: HTTPResponse {
        var response = HTTPResponse.json(Body(error: code, error_description: description), status: status)
        OAuthTokenJSON.noStore(&response)
        if status == .serviceUnavailable { response.headers["Retry-After"] = "5" }
        return response
    }
}
