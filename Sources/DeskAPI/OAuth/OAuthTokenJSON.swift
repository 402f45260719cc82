import DeskCore
import DeskHTTP

/// A successful token response in Zoho's shape: `{"access_token","refresh_token"(client credentials
/// only),"scope","api_domain":"https://<host>","token_type":"Bearer","expires_in":3600}`.
struct OAuthTokenJSON: Encodable {
    let access_token: String
    let refresh_token: String?
    let scope: String
    let api_domain: String
    let token_type = "Bearer"
    let expires_in: Int

    init(grant: OAuthGrant, host: String) {
        access_token = grant.accessToken
        refresh_token = grant.refreshToken
        scope = grant.scope
        api_domain = "https://\(host)"
        expires_in = grant.expiresIn
    }

    private enum CodingKeys: String, CodingKey {
        case access_token, refresh_token, scope, api_domain, token_type, expires_in
    }

    /// Omits `refresh_token` when there is none (Zoho leaves it out on refresh).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(access_token, forKey: .access_token)
        try container.encodeIfPresent(refresh_token, forKey: .refresh_token)
        try container.encode(scope, forKey: .scope)
        try container.encode(api_domain, forKey: .api_domain)
        try container.encode(token_type, forKey: .token_type)
        try container.encode(expires_in, forKey: .expires_in)
    }

    var response: HTTPResponse {
        var response = HTTPResponse.json(self)
        Self.noStore(&response)
        return response
    }

    /// Token responses must never be cached (RFC 6749 §5.1).
    static func noStore(_ response: inout HTTPResponse) {
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    }
}
