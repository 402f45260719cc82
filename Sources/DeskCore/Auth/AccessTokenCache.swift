import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small cache of verified access tokens, one per worker thread, so that an API request does not query
/// the database for its token every time. Each thread keeps its own entries (no lock on the request
/// path); a process-wide generation number empties every thread's entries at once.
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
    public let capacity: Int

    private let generation = Atomic<UInt64>(0)
    private let threadKey: pthread_key_t

    public init(ttl: Duration = .seconds(5), capacity: Int = 1024) {
        precondition(capacity > 0, "capacity must be positive")
        self.ttl = ttl
        self.capacity = capacity
        var key = pthread_key_t()
        let created = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
        }
        precondition(created == 0, "pthread_key_create failed")
        threadKey = key
    }

    deinit {
        // Entries of threads still running are left to the process (tests make a few caches; the shared
        // one lives as long as the process).
        pthread_key_delete(threadKey)
    }

    /// The cached token of `region` for `hash` while it is trusted, else nil; and the generation to pass
    /// to ``store(_:region:hash:generation:)`` after asking the database.
    public func lookup(region: RegionID, hash: [UInt8]) -> (token: AuthenticatedToken?, generation: UInt64) {
        let current = generation.load(ordering: .acquiring)
        let local = threadLocal(generation: current)
        let key = ThreadEntries.Key(region: region, hash: hash)
        guard let entry = local.entries[key] else { return (nil, current) }
        guard ContinuousClock.now < entry.trustedUntil, Date() < entry.token.expiresAt else {
            local.entries[key] = nil
            return (nil, current)
        }
        return (entry.token, current)
    }

    /// Caches a token the database just verified, unless the cache was emptied since `generation` was
    /// read (a revocation may have raced the verification).
    public func store(_ token: AuthenticatedToken, region: RegionID, hash: [UInt8], generation: UInt64) {
        let current = self.generation.load(ordering: .acquiring)
        guard current == generation else { return }
        let local = threadLocal(generation: current)
        if local.entries.count >= capacity {
            let now = ContinuousClock.now
            let wallNow = Date()
            local.entries = local.entries.filter { $0.value.trustedUntil > now && $0.value.token.expiresAt > wallNow }
            if local.entries.count >= capacity { local.entries.removeAll(keepingCapacity: true) }
        }
        local.entries[ThreadEntries.Key(region: region, hash: hash)] =
            ThreadEntries.Entry(token: token, trustedUntil: ContinuousClock.now + ttl)
    }

    /// Forgets every entry of every thread (after a revocation or an agent / org / client change in this
    /// process).
    public func removeAll() {
        generation.add(1, ordering: .releasing)
    }

    /// How many entries the calling thread holds (for tests).
    public var count: Int { threadLocal(generation: generation.load(ordering: .acquiring)).entries.count }

    /// The calling thread's entries, emptied first when the generation moved on.
    private func threadLocal(generation current: UInt64) -> ThreadEntries {
        let local: ThreadEntries
        if let pointer = pthread_getspecific(threadKey) {
            local = Unmanaged<ThreadEntries>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            local = ThreadEntries(generation: current)
            pthread_setspecific(threadKey, Unmanaged.passRetained(local).toOpaque())
        }
        if local.generation != current {
            local.entries.removeAll(keepingCapacity: true)
            local.generation = current
        }
        return local
    }
}

/// One thread's entries; only that thread touches them.
private final class ThreadEntries {
    struct Key: Hashable {
        let region: RegionID
        let hash: [UInt8]
    }

    struct Entry {
        let token: AuthenticatedToken
        /// `ContinuousClock` instant after which the entry is not used.
        let trustedUntil: ContinuousClock.Instant
    }

    var entries: [Key: Entry] = [:]
    var generation: UInt64

    init(generation: UInt64) {
        self.generation = generation
    }
}
