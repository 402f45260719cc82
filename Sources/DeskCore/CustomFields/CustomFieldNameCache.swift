import MariaDB

/// The api names of each org's custom fields per module, and which of them are mandatory, cached per worker
/// thread (a ``PerThreadCache``) for the reads that lock nothing and for ticket creates without `cf` values:
/// a ticket, contact or account read then costs one statement on its own table (before, every read carried
/// a subquery on `custom_fields`, about a quarter of the database's work for `GET /tickets/{id}`), and a
/// ticket create a plain `INSERT … VALUES` (its `INSERT … SELECT … WHERE NOT EXISTS (mandatory field)` was
/// about a third of the database's work for `POST /tickets`).
///
/// **Staleness.** Entries are trusted for ``ttl`` (5 seconds). A custom field defined, changed or deleted
/// through this process empties the cache when its transaction commits (every write that audits a custom
/// field definition), so this process sees it at once; through another deskd process, a read here may
/// render the old set of `cf` keys, and a ticket created here without `cf` values may miss a field made
/// mandatory there, for up to 5 seconds. Writes that carry `cf` values validate them against the
/// definitions inside their transaction, and reads inside a write transaction ask the database.
public final class CustomFieldNameCache: Sendable {
    /// The one cache of the process.
    public static let shared = CustomFieldNameCache()

    /// How long entries are trusted without asking the database again.
    public let ttl: Duration

    private struct Key: Hashable {
        let org: Int64
        let module: CustomFieldModule
    }

    private let entries: PerThreadCache<Key, CustomFieldValues.ModuleFields>

    public init(ttl: Duration = .seconds(5), capacity: Int = 4096) {
        self.ttl = ttl
        entries = PerThreadCache(capacity: capacity)
    }

    /// The api names of `module`'s custom fields in `org`, in api-name order.
    func names(org: Int64, module: CustomFieldModule, connection: Connection) throws -> [String] {
        try fields(org: org, module: module, connection: connection).names
    }

    /// The first (in api-name order) live mandatory custom field of `module` in `org`, or nil.
    func firstMandatoryName(org: Int64, module: CustomFieldModule, connection: Connection) throws -> String? {
        try fields(org: org, module: module, connection: connection).firstMandatory
    }

    /// Forgets every org's entries in every thread (after a custom field definition changed).
    public func removeAll() {
        entries.removeAll()
    }

    /// The module's fields: cached, or read (one indexed query) and cached.
    private func fields(org: Int64, module: CustomFieldModule,
                        connection: Connection) throws -> CustomFieldValues.ModuleFields {
        let key = Key(org: org, module: module)
        let (cached, generation) = entries.lookup(key)
        if let cached { return cached }
        let fields = try CustomFieldValues.moduleFields(connection, org: org, module: module)
        entries.store(fields, for: key, until: ContinuousClock.now + ttl, generation: generation)
        return fields
    }
}
