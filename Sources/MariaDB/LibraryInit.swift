import CMariaDB

/// The result of `mysql_library_init`, run once per process the first time it is read.
///
/// Swift initialises globals lazily and exactly once (thread-safe), and an `Int32` is `Sendable`, so this
/// is safe under strict concurrency.
private let libraryInitResult: Int32 = deskd_mysql_library_init()

/// Process-wide set-up of MariaDB Connector/C.
///
/// `mysql_library_init` runs once, before the first connection. Threads are the caller's business:
/// a thread that uses a ``Connection`` may call `mysql_thread_init()` when it starts and should call
/// `mysql_thread_end()` before it exits (Connector/C 3 needs no per-thread set-up for correctness, but
/// `mysql_thread_end` releases per-thread memory).
public enum MariaDBLibrary {
    /// Initialises Connector/C if it is not yet; safe to call from any thread, any number of times.
    public static func initialize() throws {
        if libraryInitResult != 0 {
            throw MariaDBError.client("mysql_library_init failed with \(libraryInitResult)")
        }
    }
}
