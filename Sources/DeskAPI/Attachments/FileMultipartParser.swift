#if canImport(Glibc)
import Glibc
#endif
import DeskHTTP

/// A `multipart/form-data` splitter for large file bodies (RFC 7578): it finds the boundaries with
/// `memchr`/`memcmp` over the whole body instead of feeding a byte-wise parser, so a 20 MiB upload costs
/// a scan and one copy of the file's bytes. Used by the attachment and upload routes only; other routes
/// keep `HTTPRequest.multipart()`.
///
/// Accepts a preamble before the first delimiter and an epilogue after the closing one; each part is
/// `headers CRLF CRLF body` with `CRLF--boundary` after the body. A missing closing delimiter, a part
/// without the blank line after its headers, or a part without a form field name is 400 `INVALID_DATA`;
/// more than `maxParts` parts, or more than `maxHeaders` header lines in a part, 413/400 as
/// `HTTPRequest.multipart()` answers them; a part body over `maxPartBytes` throws ``PartTooLarge``.
struct FileMultipartParser {
    let boundary: String
    var maxParts = 20
    var maxHeaders = 16
    let maxPartBytes: Int

    /// A part's body is larger than `maxPartBytes`.
    struct PartTooLarge: Error {}

    func parts(of body: [UInt8]) throws -> [MultipartPart] {
        let delimiter = Array("--\(boundary)".utf8)
        let nextDelimiter = Array("\r\n--\(boundary)".utf8)
        return try body.withUnsafeBufferPointer { buffer -> [MultipartPart] in
            guard var position = Self.find(delimiter, in: buffer, from: 0) else { throw Self.malformed }
            position += delimiter.count
            var parts: [MultipartPart] = []
            while true {
                if Self.matches([45, 45], in: buffer, at: position) { return try validated(parts) }   // "--": the end
                while position < buffer.count, buffer[position] == 32 || buffer[position] == 9 { position += 1 }
                guard Self.matches([13, 10], in: buffer, at: position) else { throw Self.malformed }
                position += 2
                guard parts.count < maxParts else {
                    throw HTTPError.payloadTooLarge(limit: maxParts, what: "The number of multipart parts")
                }
                guard let partEnd = Self.findDelimiter(nextDelimiter, in: buffer, from: position),
                      let headerEnd = Self.find([13, 10, 13, 10], in: buffer, from: position - 2),
                      headerEnd + 4 <= partEnd else { throw Self.malformed }
                let headers = try parseHeaders(buffer, from: position, to: headerEnd)
                let contentStart = headerEnd + 4
                guard partEnd - contentStart <= maxPartBytes else { throw PartTooLarge() }
                parts.append(MultipartPart(headers: headers, body: Array(buffer[contentStart..<partEnd])))
                position = partEnd + nextDelimiter.count
            }
        }
    }

    private func validated(_ parts: [MultipartPart]) throws -> [MultipartPart] {
        guard !parts.contains(where: { $0.name == nil }) else {
            throw HTTPError.badRequest("A multipart part has no form field name.")
        }
        return parts
    }

    /// `Name: value` lines between `start` and `end` (the CRLF CRLF); an empty header block is allowed.
    private func parseHeaders(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        guard end > start else { return headers }
        let text = String(decoding: buffer[start..<end], as: UTF8.self)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard lines.count <= maxHeaders else {
            throw HTTPError.badRequest("A multipart part has more than \(maxHeaders) headers.")
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 0 }) else {
                throw HTTPError.badRequest("A multipart part header is malformed.")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
        return headers
    }

    private static let malformed = HTTPError.badRequest("The multipart/form-data body is malformed.")

    /// Whether `bytes` occur in `buffer` at `index`.
    private static func matches(_ bytes: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 0, index + bytes.count <= buffer.count, let base = buffer.baseAddress else { return false }
        return bytes.withUnsafeBufferPointer { memcmp(base + index, $0.baseAddress!, bytes.count) == 0 }
    }

    /// The next `CRLF--boundary` at or after `from` that is followed by `--` (the end) or by optional
    /// white space and CRLF; the same bytes followed by anything else are content.
    private static func findDelimiter(_ delimiter: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var start = from
        while let hit = find(delimiter, in: buffer, from: start) {
            var after = hit + delimiter.count
            if matches([45, 45], in: buffer, at: after) { return hit }
            while after < buffer.count, buffer[after] == 32 || buffer[after] == 9 { after += 1 }
            if matches([13, 10], in: buffer, at: after) { return hit }
            start = hit + 1
        }
        return nil
    }

    /// The first index at or after `from` where `needle` occurs in `buffer`.
    private static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = buffer.baseAddress, let first = needle.first else { return nil }
        var index = max(from, 0)
        while index + needle.count <= buffer.count {
            guard let hit = memchr(base + index, Int32(first), buffer.count - index - needle.count + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches(needle, in: buffer, at: offset) { return offset }
            index = offset + 1
        }
        return nil
    }
}
