import CFastCGI
#if canImport(Glibc)
import Glibc
#endif

/// One FastCGI request: its CGI parameters, its body and its response stream.
///
/// Valid only during the `handle` call that received it; afterwards every method throws
/// ``FastCGIError/requestFinished``. Not `Sendable`: use it on the worker thread that received it.
public final class FastCGIRequest {
    /// The CGI parameters: `REQUEST_METHOD`, `REQUEST_URI`, `HTTP_HOST`, `CONTENT_LENGTH`, ... Built on
    /// first use during the handler (afterwards the environment is gone: empty unless read before); the
    /// request path reads the few it needs with ``forEachParameter(_:)`` instead.
    public private(set) lazy var params: [String: String] = Self.parse(environment: environment)

    private var raw: UnsafeMutablePointer<FCGX_Request>?
    private var body: Result<[UInt8], FastCGIError>?

    init(raw: UnsafeMutablePointer<FCGX_Request>) {
        self.raw = raw
        self.environment = raw.pointee.envp
    }

    /// The FastCGI environment ("NAME=VALUE" C strings), valid while the request is.
    private var environment: FCGX_ParamArray?

    /// The CGI parameter `name`, read from the environment (no dictionary is built).
    private func parameter(_ name: String) -> String? {
        var found: String?
        var name = name
        name.withUTF8 { wanted in
            forEachParameter { candidate, value in
                if found == nil, candidate.elementsEqual(UnsafeRawBufferPointer(wanted)) {
                    found = String(decoding: value, as: UTF8.self)
                }
            }
        }
        return found
    }

    /// Calls `body` with the name and the value of every CGI parameter, as UTF-8 bytes, in the order the
    /// web server sent them; no string is made for a parameter the caller skips. The buffers are valid
    /// only during the call.
    public func forEachParameter(_ body: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Void) {
        guard var entry = environment else { return }
        while let pointer = entry.pointee {
            if let equals = strchr(pointer, Int32(UInt8(ascii: "="))) {
                let name = UnsafeRawBufferPointer(start: pointer, count: pointer.distance(to: equals))
                let value = UnsafeRawBufferPointer(start: equals + 1, count: strlen(equals + 1))
                body(name, value)
            }
            entry += 1
        }
    }

    /// The CGI parameter `name`, or nil.
    public func param(_ name: String) -> String? {
        params[name]
    }

    /// Reads the whole request body.
    ///
    /// Throws ``FastCGIError/bodyTooLarge(limit:)`` before reading anything when `CONTENT_LENGTH` exceeds
    /// `maxBytes`, or as soon as more than `maxBytes` bytes arrived. The unread rest is discarded after
    /// the handler returns, so a kept-alive connection stays usable for the next request. A second call
    /// returns the same bytes (or error).
    public func readBody(maxBytes: Int) throws -> [UInt8] {
        try readBody(maxBytes: maxBytes, contentLength: parameter("CONTENT_LENGTH"))
    }

    /// Reads the whole request body as ``readBody(maxBytes:)`` does, given the `CONTENT_LENGTH` parameter
    /// the caller already read from the environment (nil or empty when the web server sent none), so the
    /// environment is not searched again.
    public func readBody(maxBytes: Int, contentLength: String?) throws -> [UInt8] {
        let input = try stream(\.in)
        if let body {
            let bytes = try body.get()
            guard bytes.count <= maxBytes else { throw FastCGIError.bodyTooLarge(limit: maxBytes) }
            return bytes
        }
        do {
            let declared = contentLength.flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
            let bytes = try Self.readAll(from: input, declared: declared, maxBytes: maxBytes)
            body = .success(bytes)
            return bytes
        } catch {
            body = .failure(error)
            throw error
        }
    }

    /// Appends `bytes` to the response (the CGI response: `Status:` and header lines, a blank line, the
    /// body). Throws ``FastCGIError/writeFailed(code:)`` when the web server or client went away.
    public func write(_ bytes: some Collection<UInt8>) throws {
        let output = try stream(\.out)
        let written: Void? = try bytes.withContiguousStorageIfAvailable { try Self.put($0, to: output) }
        if written == nil {
            try Array(bytes).withUnsafeBufferPointer { try Self.put($0, to: output) }
        }
    }

    /// Appends `string`, UTF-8 encoded, to the response.
    public func write(_ string: String) throws {
        var string = string
        let output = try stream(\.out)
        try string.withUTF8 { try Self.put($0, to: output) }
    }

    /// Sends the buffered response bytes to the web server now (for streamed responses).
    public func flush() throws {
        let output = try stream(\.out)
        let failed = FCGX_FFlush(output) != 0
        let code = FCGX_GetError(output)
        if failed || code != 0 { throw FastCGIError.writeFailed(code: code) }
    }

    // MARK: - Worker side

    /// Ends the handler's use of the request: reads and discards the unread body (at most
    /// `maxDrainBytes`, so the next request on a kept-alive connection starts at a record boundary),
    /// and invalidates this object. Returns false if the connection must be closed instead.
    func finish(maxDrainBytes: Int) -> Bool {
        guard let raw else { return true }
        self.raw = nil
        self.environment = nil
        guard let input = raw.pointee.in else { return false }
        return Self.drain(input, maxBytes: maxDrainBytes)
    }

    private func stream(_ key: KeyPath<FCGX_Request, UnsafeMutablePointer<FCGX_Stream>?>) throws -> UnsafeMutablePointer<FCGX_Stream> {
        guard let raw, let stream = raw.pointee[keyPath: key] else { throw FastCGIError.requestFinished }
        return stream
    }

    private static let chunkSize = 64 * 1024
    /// The first read size for a body of undeclared length: nginx declares the length of every body it
    /// passes on, so this is in practice the empty body of a GET, read without a large allocation (one of
    /// over 1 KiB makes glibc's allocator consolidate its free lists first).
    private static let smallChunkSize = 512

    private static func readAll(from input: UnsafeMutablePointer<FCGX_Stream>, declared: Int?, maxBytes: Int) throws(FastCGIError) -> [UInt8] {
        if let declared, declared > maxBytes { throw FastCGIError.bodyTooLarge(limit: maxBytes) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declared ?? 0, maxBytes))
        // Reads of up to the declared length and one byte (to notice a body larger than declared), or of a
        // small chunk when no length was declared: a request without a body (every GET) allocates no
        // large buffer.
        var bufferSize = min(chunkSize, (declared ?? smallChunkSize) + 1)
        var buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bufferSize)
        defer { buffer.deallocate() }
        while true {
            if declared == nil, bufferSize < chunkSize, bytes.count >= bufferSize {
                // An undeclared body longer than the first read: go on in full chunks.
                buffer.deallocate()
                bufferSize = chunkSize
                buffer = .allocate(capacity: bufferSize)
            }
            // Ask for one byte beyond the limit, to notice a body larger than declared.
            let wanted = min(bufferSize, maxBytes - bytes.count + 1)
            let count = Int(FCGX_GetStr(buffer, Int32(wanted), input))
            if count > 0 {
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: count))
            }
            if bytes.count > maxBytes { throw FastCGIError.bodyTooLarge(limit: maxBytes) }
            if count < wanted { break }  // end of the body, or an error
        }
        let code = FCGX_GetError(input)
        guard code == 0 else { throw FastCGIError.readFailed(code: code) }
        if let declared, bytes.count < declared {
            throw FastCGIError.incompleteBody(expected: declared, received: bytes.count)
        }
        return bytes
    }

    /// Reads `input` to its end; false if that took more than `maxBytes` or failed.
    private static func drain(_ input: UnsafeMutablePointer<FCGX_Stream>, maxBytes: Int) -> Bool {
        if FCGX_HasSeenEOF(input) != 0 { return FCGX_GetError(input) == 0 }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var discarded = 0
        while discarded <= maxBytes {
            let count = Int(FCGX_GetStr(buffer, Int32(chunkSize), input))
            discarded += max(count, 0)
            if count < chunkSize { return FCGX_GetError(input) == 0 }
        }
        return false
    }

    private static func put(_ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<FCGX_Stream>) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let count = min(remaining, 1 << 30)
            let written = next.withMemoryRebound(to: CChar.self, capacity: count) {
                FCGX_PutStr($0, Int32(count), output)
            }
            guard written == Int32(count) else { throw FastCGIError.writeFailed(code: FCGX_GetError(output)) }
            next += count
            remaining -= count
        }
    }

    private static func parse(environment: FCGX_ParamArray?) -> [String: String] {
        var params: [String: String] = [:]
        params.reserveCapacity(40)
        guard var entry = environment else { return params }
        while let pointer = entry.pointee {
            // "NAME=VALUE": split at the first "=" on the C string, without Character-level scanning.
            if let equals = strchr(pointer, Int32(UInt8(ascii: "="))) {
                let name = UnsafeRawBufferPointer(start: pointer, count: pointer.distance(to: equals))
                params[String(decoding: name, as: UTF8.self)] = String(cString: equals + 1)
            }
            entry += 1
        }
        return params
    }
}
