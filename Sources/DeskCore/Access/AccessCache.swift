/// Resolved ``AgentAccess`` per (org, agent), cached per worker thread (a ``PerThreadCache``) so that an
/// API request does not re-read profiles, roles and sharing settings every time.
///
/// **Staleness.** An entry is trusted for ``ttl`` (5 seconds). Every write through this process that
/// audits an agent, profile, role, data sharing setting, sharing rule, field permission or department
/// empties the cache when its transaction commits, so changes made here apply to the next request; made
/// through another deskd process, they apply here within 5 seconds.
public final class AccessCache: Sendable {
    /// The one cache of the process.
    public static let shared = AccessCache()

    /// Record types whose audited changes can change some agent's access.
    public static let accessRecordTypes: Set<String> = [
        "agent", "org", "profile", "role", "dataSharing", "sharingRule", "fieldPermission", "department",
    ]

    /// How long an entry is trusted.
    public let ttl: Duration

    private struct Key: Hashable {
        let org: Int64
        let agent: Int64
    }

    private let entries: PerThreadCache<Key, AgentAccess>

    public init(ttl: Duration = .seconds(5), capacity: Int = 1024) {
        self.ttl = ttl
        entries = PerThreadCache(capacity: capacity)
    }

    /// The cached access while trusted, and the generation to pass to ``store(_:org:agent:generation:)``.
    public func lookup(org: Int64, agent: Int64) -> (access: AgentAccess?, generation: UInt64) {
        let (access, generation) = entries.lookup(Key(org: org, agent: agent))
        return (access, generation)
    }

    /// Keeps access just resolved, unless the cache was emptied since `generation` was read.
    public func store(_ access: AgentAccess, org: Int64, agent: Int64, generation: UInt64) {
        entries.store(access, for: Key(org: org, agent: agent), until: ContinuousClock.now + ttl, generation: generation)
    }

    /// Forgets every entry of every thread.
    public func removeAll() {
        entries.removeAll()
    }
}
