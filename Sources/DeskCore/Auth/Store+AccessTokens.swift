import Foundation
import MariaDB

extension Store {
    /// Issues an API access token for an active agent of the org: 32 random bytes (OpenSSL), returned
    /// once as 64 hex characters; only their SHA-256 is stored. Expiry is `lifetime` after now (the
    /// process clock, ``Store/now()``).
    ///
    /// - Parameters:
    ///   - scope: what the token may do; `.all` for an administrator's own token (`deskd token create`).
    ///   - clientID: the API client the token is issued to, so revoking the client revokes the token.
    /// - Throws: `StoreError.notFound` when the agent is not a live, active agent of the org;
    ///   `StoreError.invalid(field: "lifetime", …)` for a lifetime that is not positive.
    ///
    /// Outside a transaction, issuing also deletes a bounded batch of stale token rows
    /// (``purgeStaleTokens(batch:)``).
    public func issueAccessToken(org: Int64, agent: Int64, lifetime: Duration, scope: TokenScope = .all,
                                 clientID: String? = nil) throws -> (token: String, expiresAt: Date) {
        guard lifetime > .zero else { throw StoreError.invalid(field: "lifetime", reason: "must be positive") }
        guard let found = try self.agent(id: agent, in: org), found.isActive else { throw StoreError.notFound }
        let bytes = try RandomBytes.generate(AccessTokenText.byteCount)
        let now = Self.now()
        let (seconds, attoseconds) = lifetime.components
        let expiresAt = now.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        try connection.execute("""
            INSERT INTO access_tokens (token_hash, org_id, agent_id, scope, client_id, expires_at, revoked_at, created_at)
            VALUES (\(SHA256Digest.hash(bytes)), \(org), \(agent), \(scope.stored), \(clientID), \(expiresAt), NULL, \(now))
            """)
        if !connection.isInTransaction { try purgeStaleTokens() }
        return (AccessTokenText.encode(bytes), expiresAt)
    }

    /// The actor of a valid token (request id ""), or nil; see ``authenticateToken(_:)``.
    public func authenticate(accessToken: String) throws -> Actor? {
        try authenticateToken(accessToken)?.actor(requestID: "")
    }

    /// A valid token, or nil when the token is malformed, unknown, expired (checked against the
    /// database's `UTC_TIMESTAMP(6)`), revoked, its API client is revoked, or its agent is inactive or
    /// trashed, or its org is trashed. Always asks the database (the auth step caches in front of it).
    public func authenticateToken(_ accessToken: String) throws -> AuthenticatedToken? {
        guard let bytes = AccessTokenText.decode(accessToken) else { return nil }
        return try authenticateToken(hash: SHA256Digest.hash(bytes))
    }

    /// ``authenticateToken(_:)`` for the SHA-256 of the token's bytes.
    public func authenticateToken(hash: [UInt8]) throws -> AuthenticatedToken? {
        let row = try connection.queryFirst("""
            SELECT t.org_id, t.agent_id, t.scope, t.client_id, t.expires_at FROM access_tokens t
            JOIN agents a ON a.org_id = t.org_id AND a.id = t.agent_id
            JOIN orgs o ON o.id = t.org_id
            WHERE t.token_hash = \(hash) AND t.revoked_at IS NULL
              AND t.expires_at > UTC_TIMESTAMP(6) AND a.is_active = 1 AND a.deleted_at IS NULL
              AND o.deleted_at IS NULL
              AND (t.client_id IS NULL OR EXISTS (
                    SELECT 1 FROM api_clients c WHERE c.client_id = t.client_id AND c.deleted_at IS NULL))
            """)
        guard let row else { return nil }
        return AuthenticatedToken(orgID: try row.decode("org_id"), agentID: try row.decode("agent_id"),
                                  scope: TokenScope(stored: try row.decode("scope")),
                                  clientID: try row.decode("client_id"), expiresAt: try row.decode("expires_at"))
    }

    /// Revokes a token; unknown or malformed tokens are ignored (revoking is idempotent). Takes effect at
    /// once in this process (its token cache is emptied).
    public func revokeAccessToken(_ token: String) throws {
        guard let bytes = AccessTokenText.decode(token) else { return }
        try connection.execute("""
            UPDATE access_tokens SET revoked_at = \(Self.now())
            WHERE token_hash = \(SHA256Digest.hash(bytes)) AND revoked_at IS NULL
            """)
        AccessTokenCache.shared.removeAll()
    }
}
