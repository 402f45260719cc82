import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking FastCGI client (the web server's side) for driving a Responder in tests:
/// encodes BEGIN_REQUEST / PARAMS / STDIN records and decodes STDOUT / STDERR / END_REQUEST.
public final class FastCGITestClient {
    enum ClientError: Error, CustomStringConvertible {
        case system(String, Int32)
        case closedByServer(afterBytes: Int)
        case unexpectedRecord(type: UInt8)

        var description: String {
            switch self {
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .closedByServer(let count): "server closed the connection after \(count) response bytes"
            case .unexpectedRecord(let type): "unexpected record type \(type)"
            }
        }
    }

    private enum RecordType: UInt8 {
        case beginRequest = 1, endRequest = 3, params = 4, stdin = 5, stdout = 6, stderr = 7
    }

    private var fd: Int32

    /// Connects to the unix socket at `path`; reads time out after `timeoutSeconds`.
    public init(path: String, timeoutSeconds: Int = 15) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.system("socket", errno) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw ClientError.system("connect", code)
        }
    }

    deinit { close() }

    /// Closes the connection (as a web server does after END_REQUEST without FCGI_KEEP_CONN).
    public func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
    }

    /// Sends one request: BEGIN_REQUEST (with FCGI_KEEP_CONN when `keepConnection`), the params, an
    /// empty PARAMS record, the body as STDIN records and an empty STDIN record.
    public func send(params: [String: String], body: [UInt8] = [], keepConnection: Bool, requestID: UInt16 = 1) throws {
        var bytes: [UInt8] = []
        bytes += Self.record(.beginRequest, requestID, [0, 1, keepConnection ? 1 : 0, 0, 0, 0, 0, 0])
        var encoded: [UInt8] = []
        for (name, value) in params.sorted(by: { $0.key < $1.key }) {
            Self.appendLength(name.utf8.count, to: &encoded)
            Self.appendLength(value.utf8.count, to: &encoded)
            encoded += Array(name.utf8) + Array(value.utf8)
        }
        for chunk in Self.chunks(encoded) { bytes += Self.record(.params, requestID, chunk) }
        bytes += Self.record(.params, requestID, [])
        for chunk in Self.chunks(body) { bytes += Self.record(.stdin, requestID, chunk) }
        bytes += Self.record(.stdin, requestID, [])
        try writeAll(bytes)
    }

    /// Reads records until END_REQUEST; returns the STDOUT bytes.
    public func receive() throws -> TestResponse {
        var stdout: [UInt8] = []
        while true {
            let header = try readExactly(8, received: stdout.count)
            let length = Int(header[4]) << 8 | Int(header[5])
            let content = try readExactly(length + Int(header[6]), received: stdout.count).prefix(length)
            switch RecordType(rawValue: header[1]) {
            case .stdout: stdout += content
            case .stderr: break
            case .endRequest: return TestResponse(stdout: stdout)
            default: throw ClientError.unexpectedRecord(type: header[1])
            }
        }
    }

    /// Sends a request and reads its response; closes the connection afterwards unless `keepConnection`.
    public func roundTrip(params: [String: String], body: [UInt8] = [], keepConnection: Bool) throws -> TestResponse {
        try send(params: params, body: body, keepConnection: keepConnection)
        let response = try receive()
        if !keepConnection { close() }
        return response
    }

    /// Whether the server closed the connection (a read returns end of file) within the read timeout.
    public func seesEndOfFile() -> Bool {
        var byte: UInt8 = 0
        return read(fd, &byte, 1) == 0
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw ClientError.system("write", errno) }
            offset += count
        }
    }

    private func readExactly(_ count: Int, received: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = bytes[offset...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n == 0 { throw ClientError.closedByServer(afterBytes: received) }
            guard n > 0 else { throw ClientError.system("read", errno) }
            offset += n
        }
        return bytes
    }

    private static func record(_ type: RecordType, _ requestID: UInt16, _ content: [UInt8]) -> [UInt8] {
        let padding = (8 - content.count % 8) % 8
        let header: [UInt8] = [
            1, type.rawValue, UInt8(requestID >> 8), UInt8(requestID & 0xFF),
            UInt8(content.count >> 8), UInt8(content.count & 0xFF), UInt8(padding), 0,
        ]
        return header + content + [UInt8](repeating: 0, count: padding)
    }

    private static func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: 32768).map { Array(bytes[$0..<min($0 + 32768, bytes.count)]) }
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        if length < 128 {
            bytes.append(UInt8(length))
        } else {
            bytes += [UInt8(length >> 24 | 0x80), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        }
    }
}

/// A decoded CGI response: the `Status:` code, the header lines and the body.
public struct TestResponse {
    public let stdout: [UInt8]

    public var text: String { String(decoding: stdout, as: UTF8.self) }

    public var status: Int {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("status:") {
            return Int(line.dropFirst(7).trimmingCharacters(in: .whitespaces).prefix(3)) ?? 0
        }
        return 200
    }

    /// The first value of the header `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        for line in head.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The first line of the response.
    public var statusLine: String { text.components(separatedBy: "\r\n").first ?? "" }

    public var body: String {
        guard let range = text.range(of: "\r\n\r\n") else { return "" }
        return String(text[range.upperBound...])
    }
}
