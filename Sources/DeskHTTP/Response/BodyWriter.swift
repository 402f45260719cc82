/// Where a streamed response body goes: the FastCGI request in production, a buffer in tests.
///
/// Only valid inside the `.stream` closure it is passed to.
public struct BodyWriter {
    private let writeBytes: ([UInt8]) throws -> Void
    private let flushOutput: () throws -> Void

    /// Creates a writer from a byte sink and a flush action.
    public init(write: @escaping ([UInt8]) throws -> Void, flush: @escaping () throws -> Void = {}) {
        self.writeBytes = write
        self.flushOutput = flush
    }

    /// Writes bytes of the body.
    public func write(_ bytes: some Collection<UInt8>) throws {
        try writeBytes(Array(bytes))
    }

    /// Writes a string of the body as UTF-8.
    public func write(_ string: String) throws {
        try writeBytes(Array(string.utf8))
    }

    /// Sends what was written so far to the client now.
    public func flush() throws {
        try flushOutput()
    }
}
