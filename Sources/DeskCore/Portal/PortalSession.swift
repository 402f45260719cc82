import Foundation
import MariaDB

/// A live help-center session: whose it is and the secret its forms' CSRF tokens come from.
public struct PortalSession: Sendable, Equatable {
    /// The SHA-256 of the cookie's token (the primary key).
    public let tokenHash: [UInt8]
    public let orgID: Int64
    public let userID: Int64
    /// 32 random bytes; the CSRF token of the session's forms is derived from it.
    public let csrfSecret: [UInt8]
    public let idleExpiresAt: Date
    public let absoluteExpiresAt: Date
}

/// A new session: the cookie's token text (sent once, never stored) and the session.
public struct NewPortalSession: Sendable, Equatable {
    public let token: String
    public let session: PortalSession
}

extension Store {
    /// Starts a session for a portal user: a fresh token (32 random bytes; only its SHA-256 is stored) and
    /// CSRF secret, ending after `idleSeconds` without use or `absoluteSeconds` after now.
    public func createPortalSession(org: Int64, userID: Int64, idleSeconds: Int, absoluteSeconds: Int) throws -> NewPortalSession {
        let secret = try PortalSecret.generate()
        let csrf = try RandomBytes.generate(32)
        let now = Self.now()
        let absolute = now.addingTimeInterval(Double(absoluteSeconds))
        let idle = min(now.addingTimeInterval(Double(idleSeconds)), absolute)
        try connection.execute("""
            INSERT INTO portal_sessions (token_hash, org_id, portal_user_id, csrf_secret, created_at, last_seen_at,
                                         idle_expires_at, absolute_expires_at, revoked_at)
            VALUES (\(secret.hash), \(org), \(userID), \(csrf), \(now), \(now), \(idle), \(absolute), NULL)
            """)
        try purgeExpiredPortalSessions(before: now)
        return NewPortalSession(token: secret.text, session: PortalSession(
            tokenHash: secret.hash, orgID: org, userID: userID, csrfSecret: csrf, idleExpiresAt: idle,
            absoluteExpiresAt: absolute))
    }

    /// The live session of the org with this cookie token, its idle expiry slid forward by `idleSeconds`
    /// (written at most once a minute); nil when the token is malformed, unknown, revoked or expired, or
    /// its user is gone.
    public func portalSession(org: Int64, token: String, idleSeconds: Int) throws -> PortalSession? {
        guard let hash = PortalSecret.hash(of: token) else { return nil }
        let now = Self.now()
        guard let row = try connection.queryFirst("""
            SELECT s.portal_user_id, s.csrf_secret, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at
            FROM portal_sessions s
            JOIN portal_users u ON u.org_id = s.org_id AND u.id = s.portal_user_id AND u.deleted_at IS NULL
            WHERE s.token_hash = \(hash) AND s.org_id = \(org) AND s.revoked_at IS NULL
              AND s.idle_expires_at > \(now) AND s.absolute_expires_at > \(now)
            """) else { return nil }
        let absolute: Date = try row.decode("absolute_expires_at")
        var idle: Date = try row.decode("idle_expires_at")
        let lastSeen: Date = try row.decode("last_seen_at")
        if now.timeIntervalSince(lastSeen) >= 60 || idleSeconds < 120 {
            idle = min(now.addingTimeInterval(Double(idleSeconds)), absolute)
            try connection.execute("""
                UPDATE portal_sessions SET last_seen_at = \(now), idle_expires_at = \(idle)
                WHERE token_hash = \(hash) AND revoked_at IS NULL
                """)
        }
        return PortalSession(tokenHash: hash, orgID: org, userID: try row.decode("portal_user_id"),
                             csrfSecret: try row.decode("csrf_secret"), idleExpiresAt: idle, absoluteExpiresAt: absolute)
    }

    /// Ends one session (sign-out).
    public func revokePortalSession(tokenHash: [UInt8]) throws {
        try connection.execute("""
            UPDATE portal_sessions SET revoked_at = \(Self.now()) WHERE token_hash = \(tokenHash) AND revoked_at IS NULL
            """)
    }

    /// Deletes a bounded batch of sessions that ended more than a day before `now`.
    func purgeExpiredPortalSessions(before now: Date) throws {
        guard !connection.isInTransaction else { return }
        try connection.execute("""
            DELETE FROM portal_sessions WHERE absolute_expires_at < \(now.addingTimeInterval(-86_400)) LIMIT 100
            """)
    }
}
