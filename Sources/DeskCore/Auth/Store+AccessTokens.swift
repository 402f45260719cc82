import Foundation
import MariaDB

extension Store {
    /// Issues an API access token for an active agent of the org: 32 random bytes (OpenSSL), returned
    /// once as 64 hex characters; only their SHA-256 is stored. Expiry is `lifetime` after the database's
    /// current time.
    ///
    /// - Throws: `StoreError.notFound` when the agent is not a live, active agent of the org;
    ///   `StoreError.invalid(field: "lifetime", …)` for a lifetime that is not positive.
    public func issueAccessToken(org: Int64, agent: Int64, lifetime: Duration) throws -> (token: String, expiresAt: Date) {
        guard lifetime > .zero else { throw StoreError.invalid(field: "lifetime", reason: "must be positive") }
        guard let found = try self.agent(id: agent, in: org), found.isActive else { throw StoreError.notFound }
        let bytes = try RandomBytes.generate(AccessTokenText.byteCount)
        let now = try databaseNow()
        let (seconds, attoseconds) = lifetime.components
        let expiresAt = now.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        try connection.execute("""
            INSERT INTO access_tokens (token_hash, org_id, agent_id, expires_at, revoked_at, created_at)
            VALUES (\(SHA256Digest.hash(bytes)), \(org), \(agent), \(expiresAt), NULL, \(now))
            """)
        return (AccessTokenText.encode(bytes), expiresAt)
    }

    /// The actor of a valid token (request id ""), or nil when the token is malformed, unknown, expired
    /// (checked against the database's `UTC_TIMESTAMP(6)`), revoked, or its agent is inactive or trashed.
    public func authenticate(accessToken: String) throws -> Actor? {
        guard let bytes = AccessTokenText.decode(accessToken) else { return nil }
        let row = try connection.queryFirst("""
            SELECT t.org_id, t.agent_id FROM access_tokens t
            JOIN agents a ON a.org_id = t.org_id AND a.id = t.agent_id
            JOIN orgs o ON o.id = t.org_id
            WHERE t.token_hash = \(SHA256Digest.hash(bytes)) AND t.revoked_at IS NULL
              AND t.expires_at > UTC_TIMESTAMP(6) AND a.is_active = 1 AND a.deleted_at IS NULL
              AND o.deleted_at IS NULL
            """)
        guard let row else { return nil }
        return Actor(orgID: try row.decode("org_id"), agentID: try row.decode("agent_id"), requestID: "")
    }

    /// Revokes a token; unknown or malformed tokens are ignored (revoking is idempotent).
    public func revokeAccessToken(_ token: String) throws {
        guard let bytes = AccessTokenText.decode(token) else { return }
        try connection.execute("""
            UPDATE access_tokens SET revoked_at = UTC_TIMESTAMP(6)
            WHERE token_hash = \(SHA256Digest.hash(bytes)) AND revoked_at IS NULL
            """)
    }
}
