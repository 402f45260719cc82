/// Why a token request is refused, as OAuth 2.0 error codes (RFC 6749 §5.2).
public enum OAuthError: Error, Equatable, Sendable {
    /// Unknown client, wrong secret, a client of another org (`soid`), or a client whose agent can no
    /// longer sign in.
    case invalidClient
    /// The refresh token is unknown, revoked, expired, or belongs to another client.
    case invalidGrant
    /// A requested scope is malformed or not granted to the client.
    case invalidScope
}

/// The answer to a successful token request.
public struct OAuthGrant: Sendable, Equatable {
    /// The access token: the same kind as `Store.issueAccessToken` makes.
    public let accessToken: String
    /// Seconds until the access token expires.
    public let expiresIn: Int
    /// A refresh token (client credentials only; a refresh keeps using the one it was given).
    public let refreshToken: String?
    /// The granted scopes, comma-separated.
    public let scope: String
}
