internal import MultipartKit

/// Incremental `multipart/form-data` reader over MultipartKit's `MultipartParser`, enforcing limits on
/// the number of parts, the size of each part and the number of headers per part.
///
/// Feed the body in any number of chunks, then call `finish()`. A body is complete only when its
/// closing delimiter (`--boundary--`) has been seen and no part is left open.
public struct MultipartReader {
    private final class State {
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var body: [UInt8] = []
        var partOpen = false
        var failure: HTTPError?
    }

    private let parser: MultipartParser
    private let state = State()
    private let closingDelimiter: [UInt8]
    private var tail: [UInt8] = []
    private var sawClosingDelimiter = false
    private var sawAnyByte = false

    /// Creates a reader for `boundary` (the Content-Type parameter, without leading dashes).
    public init(boundary: String, limits: HTTPLimits) {
        parser = MultipartParser(boundary: boundary)
        closingDelimiter = Array("--\(boundary)--".utf8)
        let state = self.state
        let maxParts = limits.maxMultipartParts
        let maxPartBytes = limits.effectiveMaxMultipartPartBytes
        let maxHeaders = limits.maxMultipartPartHeaders
        parser.onHeader = { name, value in
            guard state.failure == nil else { return }
            if !state.partOpen {
                state.partOpen = true
                if state.parts.count >= maxParts {
                    state.failure = .payloadTooLarge(limit: maxParts, what: "The number of multipart parts")
                    return
                }
            }
            guard !value.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 0 }) else {
                state.failure = .badRequest("A multipart part header is malformed.")
                return
            }
            guard state.headers.count < maxHeaders else {
                state.failure = .badRequest("A multipart part has more than \(maxHeaders) headers.")
                return
            }
            state.headers.add(name: name, value: value)
        }
        parser.onBody = { buffer in
            guard state.failure == nil else { return }
            if !state.partOpen {
                state.partOpen = true
                if state.parts.count >= maxParts {
                    state.failure = .payloadTooLarge(limit: maxParts, what: "The number of multipart parts")
                    return
                }
            }
            guard state.body.count + buffer.readableBytes <= maxPartBytes else {
                state.failure = .payloadTooLarge(limit: maxPartBytes, what: "A multipart part")
                return
            }
            state.body.append(contentsOf: buffer.readableBytesView)
        }
        parser.onPartComplete = {
            guard state.failure == nil else { return }
            if state.parts.count >= maxParts {
                state.failure = .payloadTooLarge(limit: maxParts, what: "The number of multipart parts")
                return
            }
            state.parts.append(MultipartPart(headers: state.headers, body: state.body))
            state.headers = HTTPHeaders()
            state.body = []
            state.partOpen = false
        }
    }

    /// Parses the next chunk of the body. Throws as soon as the body is malformed or over a limit.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws(HTTPError) {
        guard !chunk.isEmpty else { return }
        let bytes = Array(chunk)
        sawAnyByte = true
        noteClosingDelimiter(in: bytes)
        do {
            try parser.execute(bytes)
        } catch {
            throw HTTPError.badRequest("The multipart/form-data body is malformed.")
        }
        if let failure = state.failure { throw failure }
    }

    /// Ends the body and returns its parts. Throws 400 `INVALID_DATA` when the body is truncated or a
    /// part has no `Content-Disposition: form-data; name=…`.
    public mutating func finish() throws(HTTPError) -> [MultipartPart] {
        if let failure = state.failure { throw failure }
        guard sawAnyByte, sawClosingDelimiter, !state.partOpen else {
            throw HTTPError.badRequest("The multipart/form-data body is incomplete.")
        }
        if state.parts.contains(where: { $0.name == nil }) {
            throw HTTPError.badRequest("A multipart part has no form field name.")
        }
        return state.parts
    }

    /// Tracks whether `--boundary--` occurred, also across chunk borders.
    private mutating func noteClosingDelimiter(in bytes: [UInt8]) {
        guard !sawClosingDelimiter else { return }
        let window = tail + bytes
        if window.count >= closingDelimiter.count {
            for start in 0...(window.count - closingDelimiter.count)
            where window[start] == closingDelimiter[0] && window[start..<start + closingDelimiter.count].elementsEqual(closingDelimiter) {
                sawClosingDelimiter = true
                return
            }
        }
        tail = Array(window.suffix(closingDelimiter.count - 1))
    }
}
