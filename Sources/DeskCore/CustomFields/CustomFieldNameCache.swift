import MariaDB

/// The api names of each org's custom fields per module, cached per worker thread (a ``PerThreadCache``)
/// for the reads that lock nothing: a ticket, contact or account read then costs one statement on its own
/// table (before, every read carried a subquery on `custom_fields`, about a quarter of the database's work
/// for `GET /tickets/{id}`).
///
/// **Staleness.** Names are trusted for ``ttl`` (5 seconds). A custom field defined, renamed or deleted
/// through this process empties the cache when its transaction commits (every write that audits a custom
/// field definition), so this process's reads see it at once; through another deskd process, a read here
/// may render the old set of `cf` keys for up to 5 seconds. Only rendering uses these names: writes
/// validate `cf` against the definitions inside their transaction, and reads inside a write transaction
/// ask the database.
public final class CustomFieldNameCache: Sendable {
    /// The one cache of the process.
    public static let shared = CustomFieldNameCache()

    /// How long names are trusted without asking the database again.
    public let ttl: Duration

    private struct Key: Hashable {
        let org: Int64
        let module: CustomFieldModule
    }

    private let entries: PerThreadCache<Key, [String]>

    public init(ttl: Duration = .seconds(5), capacity: Int = 4096) {
        self.ttl = ttl
        entries = PerThreadCache(capacity: capacity)
    }

    /// The api names of `module`'s custom fields in `org`, in api-name order: cached, or read (one
    /// indexed query) and cached.
    func names(org: Int64, module: CustomFieldModule, connection: Connection) throws -> [String] {
        let key = Key(org: org, module: module)
        let (cached, generation) = entries.lookup(key)
        if let cached { return cached }
        let names = try CustomFieldValues.names(connection, org: org, module: module)
        entries.store(names, for: key, until: ContinuousClock.now + ttl, generation: generation)
        return names
    }

    /// Forgets every org's names in every thread (after a custom field definition changed).
    public func removeAll() {
        entries.removeAll()
    }
}
