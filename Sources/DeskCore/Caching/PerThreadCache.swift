import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small cache with one set of entries per thread (no lock on the request path) and a process-wide
/// generation number that empties every thread's entries at once.
///
/// An entry is trusted until its own `until` instant. A caller that misses reads the value from the
/// database and stores it with the generation ``lookup(_:)`` returned; if the cache was emptied in between
/// (the value may have changed while it was being read), the store is dropped. At most ``capacity``
/// entries per thread: when full, expired entries are dropped, and if that is not enough the thread's
/// entries start afresh.
public final class PerThreadCache<Key: Hashable, Value>: @unchecked Sendable {
    // @unchecked: the only shared state is the atomic generation and the pthread key; each thread's
    // entries are touched by that thread alone.

    /// The most entries kept per thread.
    public let capacity: Int

    private let generation = Atomic<UInt64>(0)
    private let threadKey: pthread_key_t

    public init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
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
        // ones live as long as the process).
        pthread_key_delete(threadKey)
    }

    /// The calling thread's value for `key` while trusted, else nil; and the generation to pass to
    /// ``store(_:for:until:generation:)`` after reading the value elsewhere.
    public func lookup(_ key: Key) -> (value: Value?, generation: UInt64) {
        let current = generation.load(ordering: .acquiring)
        let local = entries(generation: current)
        guard let entry = local.entries[key] else { return (nil, current) }
        guard ContinuousClock.now < entry.until else {
            local.entries[key] = nil
            return (nil, current)
        }
        return (entry.value, current)
    }

    /// Keeps `value` for `key` until `until`, unless the cache was emptied since `generation` was read.
    public func store(_ value: Value, for key: Key, until: ContinuousClock.Instant, generation: UInt64) {
        let current = self.generation.load(ordering: .acquiring)
        guard current == generation else { return }
        let local = entries(generation: current)
        if local.entries.count >= capacity {
            let now = ContinuousClock.now
            local.entries = local.entries.filter { $0.value.until > now }
            if local.entries.count >= capacity { local.entries.removeAll(keepingCapacity: true) }
        }
        local.entries[key] = ThreadEntries.Entry(value: value, until: until)
    }

    /// Forgets every entry of every thread.
    public func removeAll() {
        generation.add(1, ordering: .releasing)
    }

    /// How many entries the calling thread holds (for tests).
    public var count: Int { entries(generation: generation.load(ordering: .acquiring)).entries.count }

    /// The calling thread's entries, emptied first when the generation moved on.
    private func entries(generation current: UInt64) -> ThreadEntries {
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

    /// One thread's entries; only that thread touches them.
    private final class ThreadEntries {
        struct Entry {
            let value: Value
            /// The instant after which the entry is not used.
            let until: ContinuousClock.Instant
        }

        var entries: [Key: Entry] = [:]
        var generation: UInt64

        init(generation: UInt64) {
            self.generation = generation
        }
    }
}
