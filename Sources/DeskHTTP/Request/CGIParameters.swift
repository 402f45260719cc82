import FastCGI
#if canImport(Glibc)
import Glibc
#endif

/// The CGI parameters a request is made of (RFC 3875 plus nginx's `REQUEST_URI`), gathered in one pass
/// over the names: a string is made only for a parameter the request uses (nginx sends about twenty,
/// half of which deskd never reads).
struct CGIParameters {
    var method: String?
    var requestURI: String?
    var documentURI: String?
    var queryString: String?
    var httpHost: String?
    var serverName: String?
    var remoteAddress: String?
    var requestID: String?
    /// `HTTP_*` as header names (`HTTP_ACCEPT_LANGUAGE` → `Accept-Language`), plus non-empty
    /// `CONTENT_TYPE` and `CONTENT_LENGTH`; sorted by name, so that the order is the same however the
    /// parameters arrived.
    private(set) var headers: [(String, String)] = []

    /// From a dictionary of parameters.
    init(_ parameters: [String: String]) {
        for (name, value) in parameters {
            var name = name
            name.withUTF8 { add(name: UnsafeRawBufferPointer($0), value: { value }) }
        }
        headers.sort { $0.0 < $1.0 }
    }

    /// From a FastCGI request's environment.
    init(_ request: FastCGIRequest) {
        headers.reserveCapacity(16)
        request.forEachParameter { name, value in
            add(name: name, value: { String(decoding: value, as: UTF8.self) })
        }
        headers.sort { $0.0 < $1.0 }
    }

    private mutating func add(name: UnsafeRawBufferPointer, value: () -> String) {
        if Self.hasPrefix(name, "HTTP_") {
            let text = value()
            let suffix = UnsafeRawBufferPointer(rebasing: name[5...])
            if Self.equals(suffix, "HOST") { httpHost = text }
            if Self.equals(suffix, "X_REQUEST_ID") { requestID = text }
            headers.append((Self.headerName(fromCGI: suffix), text))
        } else if Self.equals(name, "REQUEST_METHOD") {
            method = value()
        } else if Self.equals(name, "REQUEST_URI") {
            requestURI = value()
        } else if Self.equals(name, "DOCUMENT_URI") {
            // Only the fallback for a missing REQUEST_URI, which nginx sends first.
            if requestURI?.isEmpty ?? true { documentURI = value() }
        } else if Self.equals(name, "QUERY_STRING") {
            queryString = value()
        } else if Self.equals(name, "SERVER_NAME") {
            serverName = value()
        } else if Self.equals(name, "REMOTE_ADDR") {
            remoteAddress = value()
        } else if Self.equals(name, "CONTENT_TYPE") || Self.equals(name, "CONTENT_LENGTH") {
            let text = value()
            if !text.isEmpty { headers.append((Self.headerName(fromCGI: name), text)) }
        }
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && (bytes.isEmpty || memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0)
    }

    private static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        bytes.count >= literal.utf8CodeUnitCount
            && memcmp(bytes.baseAddress!, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    /// `ACCEPT_LANGUAGE` → `Accept-Language`, byte-wise on ASCII.
    private static func headerName(fromCGI key: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: key.count) { buffer in
            var startsWord = true
            for (index, byte) in key.enumerated() {
                var out = byte
                if byte == UInt8(ascii: "_") {
                    out = UInt8(ascii: "-")
                    startsWord = true
                } else {
                    if startsWord, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
                        out = byte - 32
                    } else if !startsWord, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                        out = byte + 32
                    }
                    startsWord = false
                }
                buffer[index] = out
            }
            return key.count
        }
    }
}
