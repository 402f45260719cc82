import CFastCGI

/// The process-wide libfcgi initialisation.
enum LibFCGI {
    /// `FCGX_Init()`'s result, computed once per process (Swift initialises a static `let` exactly once,
    /// thread-safely).
    private static let initResult: Int32 = FCGX_Init()

    /// Calls `FCGX_Init` the first time; throws if it failed.
    static func initialize() throws {
        guard initResult == 0 else { throw FastCGIError.libraryInitFailed(code: initResult) }
    }
}
