import Foundation

/// A small cache of verified access tokens, one per worker thread (a ``PerThreadCache``), so that an API
/// request does not query the database for its token every time.
///
/// **Revocation delay.** An entry is trusted for at most ``ttl`` (5 seconds) after the database said the
/// token was valid, and never past the token's own expiry. So a token revoked *elsewhere* — by
/// `deskd client revoke` or another deskd process, or by an agent or org changed directly in the
/// database — can keep working for up to 5 seconds in a process that had just verified it. Anything this
/// process revokes or changes takes effect at once: revoking a token, and every write that audits an
/// agent, org or API client, bumps the generation (``removeAll()``), which every thread checks before
/// using its entries; a lookup that raced such a change does not store its stale answer (the generation
/// check in ``store(_:region:hash:generation:)``).
///
/// Keys are the region and the SHA-256 of the token bytes (the cache holds no token in clear; a token of
/// one region is unknown in another, whose database never saw it). At most ``capacity`` entries per
/// thread: when full, expired entries are dropped, and if that is not enough the thread's cache starts
/// afresh.
public final class AccessTokenCache: Sendable {
    /// The one cache of the process (the auth step of every worker uses it).
    public static let shared = AccessTokenCache()

    /// How long a verified token is trusted without asking the database again.
    public let ttl: Duration
    /// The most entries kept per thread.
    public var capacity: Int { entries.capacity }

    private struct Key: Hashable {
        let region: RegionID
        let hash: [UInt8]

        /// A SHA-256 digest is already uniform: its first eight bytes hash as well as all 32, for a
        /// quarter of the work. Equality still compares every byte.
        func hash(into hasher: inout Hasher) {
            hasher.combine(region)
            hash.withUnsafeBytes { bytes in
                if bytes.count >= 8 {
                    hasher.combine(bytes.loadUnaligned(as: UInt64.self))
                } else {
                    hasher.combine(bytes: bytes)
                }
            }
        }
    }

    private let entries: PerThreadCache<Key, AuthenticatedToken>

    public init(ttl: Duration = .seconds(5), capacity: Int = 1024) {
        self.ttl = ttl
        entries = PerThreadCache(capacity: capacity)
    }

    /// The cached token of `region` for `hash` while it is trusted, else nil; and the generation to pass
    /// to ``store(_:region:hash:generation:)`` after asking the database.
    public func lookup(region: RegionID, hash: [UInt8]) -> (token: AuthenticatedToken?, generation: UInt64) {
        let (token, generation) = entries.lookup(Key(region: region, hash: hash))
        return (token, generation)
    }

    /// Caches a token the database just verified — trusted for ``ttl``, never past its own expiry — unless
    /// the cache was emptied since `generation` was read (a revocation may have raced the verification).
    public func store(_ token: AuthenticatedToken, region: RegionID, hash: [UInt8], generation: UInt64) {
        let remaining = token.expiresAt.timeIntervalSinceNow
        guard remaining > 0 else { return }
        let until = ContinuousClock.now + min(ttl, .milliseconds(Int64(remaining * 1000)))
        entries.store(token, for: Key(region: region, hash: hash), until: until, generation: generation)
    }

    /// Forgets every entry of every thread (after a revocation or an agent / org / client change in this
    /// process).
    public func removeAll() {
        entries.removeAll()
    }

    /// How many entries the calling thread holds (for tests).
    public var count: Int { entries.count }
}
