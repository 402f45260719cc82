import Foundation
import MariaDB

extension Store {
    /// The lifetime of access tokens issued to API clients: one hour, as Zoho's.
    public static let oauthAccessTokenLifetime = 3600

    /// The client credentials grant: authenticates the client and issues an access token for its agent
    /// (through ``issueAccessToken(org:agent:lifetime:)``, one hour) and a refresh token (32 random
    /// bytes, only the SHA-256 stored, valid until revoked).
    ///
    /// - Parameters:
    ///   - scope: comma-separated scopes; nil or empty asks for all the client's scopes.
    ///   - orgID: the org the caller names (Zoho's `soid=Desk.<orgId>`); nil when not given.
    /// - Throws: `OAuthError.invalidClient` for an unknown client, a wrong secret, another org, or an
    ///   agent that is no longer active; `OAuthError.invalidScope` for a scope that is malformed or not
    ///   granted to the client.
    public func exchangeClientCredentials(clientID: String, clientSecret: String, scope: String?,
                                          orgID: Int64?) throws -> OAuthGrant {
        let client = try authenticateClient(clientID: clientID, clientSecret: clientSecret)
        if let orgID, orgID != client.orgID { throw OAuthError.invalidClient }
        let scopes = try Self.grantedScopes(asked: scope, client: client)
        let scopeText = OAuthScope.text(scopes)
        defer { _ = try? purgeStaleTokens() }
        return try connection.transaction { connection in
            let access: String
            do {
                access = try issueAccessToken(org: client.orgID, agent: client.agentID,
                                              lifetime: .seconds(Self.oauthAccessTokenLifetime),
                                              scope: .scopes(scopes), clientID: client.clientID).token
            } catch StoreError.notFound {
                throw OAuthError.invalidClient
            }
            let refresh = try OAuthCredentialText.newSecret()
            try connection.execute("""
                INSERT INTO refresh_tokens (token_hash, org_id, client_id, agent_id, scope, expires_at, revoked_at, created_at)
                VALUES (\(refresh.hash), \(client.orgID), \(client.clientID), \(client.agentID), \(scopeText),
                        NULL, NULL, \(Self.now()))
                """)
            return OAuthGrant(accessToken: access, expiresIn: Self.oauthAccessTokenLifetime,
                              refreshToken: refresh.text, scope: scopeText)
        }
    }

    /// The refresh token grant: a new one-hour access token for the refresh token's agent. The refresh
    /// token stays valid (no new one is issued), as with Zoho.
    ///
    /// - Throws: `OAuthError.invalidClient` for an unknown client or a wrong secret;
    ///   `OAuthError.invalidGrant` when the refresh token is malformed, unknown, revoked, expired, of
    ///   another client, or its agent can no longer sign in.
    public func exchangeRefreshToken(_ refreshToken: String, clientID: String, clientSecret: String) throws -> OAuthGrant {
        let client = try authenticateClient(clientID: clientID, clientSecret: clientSecret)
        guard let hash = OAuthCredentialText.hash(ofPresented: refreshToken) else { throw OAuthError.invalidGrant }
        guard let row = try connection.queryFirst("""
            SELECT org_id, agent_id, scope FROM refresh_tokens
            WHERE token_hash = \(hash) AND client_id = \(client.clientID) AND org_id = \(client.orgID)
              AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP(6))
            """) else { throw OAuthError.invalidGrant }
        let agentID: Int64 = try row.decode("agent_id")
        let stored = OAuthScope.parseStored(try row.decode("scope"))
        let scopes = stored.filter { wanted in client.scopes.contains { $0.covers(wanted) } }
        guard !scopes.isEmpty else { throw OAuthError.invalidGrant }
        let access: String
        do {
            access = try issueAccessToken(org: client.orgID, agent: agentID,
                                          lifetime: .seconds(Self.oauthAccessTokenLifetime),
                                          scope: .scopes(scopes), clientID: client.clientID).token
        } catch StoreError.notFound {
            throw OAuthError.invalidGrant
        }
        return OAuthGrant(accessToken: access, expiresIn: Self.oauthAccessTokenLifetime, refreshToken: nil,
                          scope: OAuthScope.text(scopes))
    }

    /// Revokes a refresh token or an access token (RFC 7009 lets the caller send either); unknown or
    /// malformed tokens are ignored (revoking is idempotent). A revoked access token stops working in
    /// this process at once.
    public func revokeRefreshToken(_ refreshToken: String) throws {
        guard let hash = OAuthCredentialText.hash(ofPresented: refreshToken) else { return }
        let now = Self.now()
        let refreshed = try connection.execute("""
            UPDATE refresh_tokens SET revoked_at = \(now) WHERE token_hash = \(hash) AND revoked_at IS NULL
            """)
        if refreshed.affectedRows == 0 {
            try connection.execute("""
                UPDATE access_tokens SET revoked_at = \(now) WHERE token_hash = \(hash) AND revoked_at IS NULL
                """)
            AccessTokenCache.shared.removeAll()
        }
    }

    /// The scopes granted for `asked` (nil or empty: all the client's).
    static func grantedScopes(asked: String?, client: APIClient) throws -> [OAuthScope] {
        guard let asked, !asked.trimmingCharacters(in: .whitespaces).isEmpty else {
            guard !client.scopes.isEmpty else { throw OAuthError.invalidScope }
            return client.scopes
        }
        guard let scopes = OAuthScope.parseList(asked),
              scopes.allSatisfy({ wanted in client.scopes.contains { $0.covers(wanted) } }) else {
            throw OAuthError.invalidScope
        }
        return scopes
    }
}
