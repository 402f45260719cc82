import Foundation
import MariaDB

extension Store {
    /// The most rows of each token table one clean-up deletes.
    public static let tokenPurgeBatch = 200

    /// Deletes stale token rows, at most `batch` of each kind: access tokens that expired or were
    /// revoked, and refresh tokens that were revoked or expired. Such rows authenticate nothing, so
    /// deleting them changes no answer (an unknown token is refused like a revoked one).
    ///
    /// Runs opportunistically each time a token is issued (``issueAccessToken(org:agent:lifetime:scope:clientID:)``
    /// outside a transaction, and the OAuth token endpoint's grants), so the tables stay bounded by the
    /// live tokens plus what accumulates between two issues. A scheduled job runner (a later issue) is the
    /// place to call it periodically as well. Each `DELETE … LIMIT` runs on its own (autocommit) and walks
    /// the expiry / revocation index, so it holds few locks briefly.
    ///
    /// - Returns: how many rows were deleted.
    @discardableResult
    public func purgeStaleTokens(batch: Int = Store.tokenPurgeBatch) throws -> Int {
        let now = Self.now()
        var deleted = 0
        deleted += Int(try connection.execute("""
            DELETE FROM access_tokens WHERE expires_at <= \(now) ORDER BY expires_at LIMIT \(batch)
            """).affectedRows)
        deleted += Int(try connection.execute("""
            DELETE FROM access_tokens WHERE revoked_at IS NOT NULL ORDER BY revoked_at LIMIT \(batch)
            """).affectedRows)
        deleted += Int(try connection.execute("""
            DELETE FROM refresh_tokens WHERE revoked_at IS NOT NULL ORDER BY revoked_at LIMIT \(batch)
            """).affectedRows)
        deleted += Int(try connection.execute("""
            DELETE FROM refresh_tokens WHERE expires_at IS NOT NULL AND expires_at <= \(now)
            ORDER BY expires_at LIMIT \(batch)
            """).affectedRows)
        return deleted
    }
}
