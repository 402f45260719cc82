import Foundation
import Synchronization

/// A small process-wide cache of verified access tokens, so that an API request does not query the
/// database for its token every time.
///
/// **Revocation delay.** An entry is trusted for at most ``ttl`` (5 seconds) after the database said the
/// token was valid, and never past the token's own expiry. So a token revoked *elsewhere* — by
/// `deskd client revoke` or another deskd process, or by an agent or org changed directly in the
/// database — can keep working for up to 5 seconds in a process that had just verified it. Anything this
/// process revokes or changes takes effect at once: revoking a token, and every write that audits an
/// agent, org or API client, empties the cache (``removeAll()``); a lookup that raced such a change does
/// not store its stale answer (the generation check in ``store(_:region:hash:generation:)``).
///
/// Keys are the region and the SHA-256 of the token bytes (the cache holds no token in clear; a token of
/// one region is unknown in another, whose database never saw it). At most ``capacity``
/// entries: when full, expired entries are dropped, and if that is not enough the cache starts afresh.
public final class AccessTokenCache: Sendable {
    /// The one cache of the process (the auth step of every worker uses it).
    public static let shared = AccessTokenCache()

    /// How long a verified token is trusted without asking the database again.
    public let ttl: Duration
    /// The most entries kept.
    public let capacity: Int

    private struct Entry {
        let token: AuthenticatedToken
        /// `ContinuousClock` instant after which the entry is not used.
        let trustedUntil: ContinuousClock.Instant
    }

    private struct Key: Hashable {
        let region: RegionID
        let hash: [UInt8]
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    public init(ttl: Duration = .seconds(5), capacity: Int = 4096) {
        precondition(capacity > 0, "capacity must be positive")
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The cached token of `region` for `hash` while it is trusted, else nil; and the generation to pass
    /// to ``store(_:region:hash:generation:)`` after asking the database.
    public func lookup(region: RegionID, hash: [UInt8]) -> (token: AuthenticatedToken?, generation: UInt64) {
        let now = ContinuousClock.now
        let wallNow = Date()
        let key = Key(region: region, hash: hash)
        return state.withLock { state in
            guard let entry = state.entries[key] else { return (nil, state.generation) }
            guard now < entry.trustedUntil, wallNow < entry.token.expiresAt else {
                state.entries[key] = nil
                return (nil, state.generation)
            }
            return (entry.token, state.generation)
        }
    }

    /// Caches a token the database just verified, unless the cache was emptied since `generation` was
    /// read (a revocation may have raced the verification).
    public func store(_ token: AuthenticatedToken, region: RegionID, hash: [UInt8], generation: UInt64) {
        let trustedUntil = ContinuousClock.now + ttl
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity {
                let now = ContinuousClock.now
                let wallNow = Date()
                state.entries = state.entries.filter { $0.value.trustedUntil > now && $0.value.token.expiresAt > wallNow }
                if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            }
            state.entries[Key(region: region, hash: hash)] = Entry(token: token, trustedUntil: trustedUntil)
        }
    }

    /// Forgets every entry (after a revocation or an agent / org / client change in this process).
    public func removeAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.generation &+= 1
        }
    }

    /// How many entries are held (for tests).
    public var count: Int { state.withLock { $0.entries.count } }
}
