@testable import DeskHTTP
import Testing

@Suite struct MultipartTests {
    static let boundary = "----deskdBoundary7MA4YWxkTrZu0gW"

    /// A browser-like body: two fields and a binary file whose bytes include CR, LF and dashes.
    static let fileBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF, 0x0D, 0x0A]
    static var body: [UInt8] {
        var bytes = Array("""
        --\(boundary)\r
        Content-Disposition: form-data; name="subject"\r
        \r
        Printer on fire\r
        --\(boundary)\r
        Content-Disposition: form-data; name="description"\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Line one\r
        Line two — ünïcode\r
        --\(boundary)\r
        Content-Disposition: form-data; name="attachment"; filename="C:\\\\Users\\\\me\\\\scan \\"1\\".png"\r
        Content-Type: image/png\r
        \r

        """.utf8)
        bytes += fileBytes
        bytes += Array("\r\n--\(boundary)--\r\n".utf8)
        return bytes
    }

    func request(_ body: [UInt8], contentType: String = "multipart/form-data; boundary=\(boundary)",
                 limits: HTTPLimits = HTTPLimits()) -> HTTPRequest {
        HTTPRequest(method: .post, path: "/api/v1/uploads", headers: ["Content-Type": contentType], body: body, limits: limits)
    }

    @Test func parsesFieldsAndFile() throws {
        let parts = try request(Self.body).multipart()
        #expect(parts.count == 3)
        #expect(parts.first(named: "subject")?.text == "Printer on fire")
        #expect(parts.first(named: "subject")?.filename == nil)
        #expect(parts.first(named: "description")?.text == "Line one\r\nLine two — ünïcode")
        #expect(parts.first(named: "description")?.contentType == "text/plain; charset=utf-8")
        let file = try #require(parts.first(named: "attachment"))
        #expect(file.filename == "scan \"1\".png")
        #expect(file.contentType == "image/png")
        #expect(file.body == Self.fileBytes)
    }

    @Test func quotedBoundaryParameter() throws {
        let parts = try request(Self.body, contentType: "multipart/form-data; charset=utf-8; boundary=\"\(Self.boundary)\"").multipart()
        #expect(parts.count == 3)
    }

    @Test func feedingByteByByteGivesTheSameParts() throws {
        let whole = try request(Self.body).multipart()
        var reader = MultipartReader(boundary: Self.boundary, limits: HTTPLimits())
        for byte in Self.body {
            try reader.feed([byte])
        }
        #expect(try reader.finish() == whole)
    }

    @Test func feedingInEveryTwoChunkSplitGivesTheSameParts() throws {
        let whole = try request(Self.body).multipart()
        for split in stride(from: 0, through: Self.body.count, by: 7) {
            var reader = MultipartReader(boundary: Self.boundary, limits: HTTPLimits())
            try reader.feed(Self.body[..<split])
            try reader.feed(Self.body[split...])
            #expect(try reader.finish() == whole, "split at \(split)")
        }
    }

    @Test func tooManyParts() {
        let error = httpError { _ = try request(Self.body, limits: HTTPLimits(maxMultipartParts: 2)).multipart() }
        #expect(error?.status == .payloadTooLarge)
        #expect(error?.message.contains("2") == true)
        #expect(httpError { _ = try request(Self.body, limits: HTTPLimits(maxMultipartParts: 3)).multipart() } == nil)
    }

    @Test func partTooLarge() {
        let limits = HTTPLimits(maxMultipartPartBytes: 11)
        let error = httpError { _ = try request(Self.body, limits: limits).multipart() }
        #expect(error?.status == .payloadTooLarge)
        #expect(httpError { _ = try request(Self.body, limits: HTTPLimits(maxMultipartPartBytes: 40)).multipart() } == nil)
    }

    @Test func tooManyHeadersInAPart() {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX-A: 1\r\nX-B: 2\r\n\r\nv\r\n--b--\r\n".utf8)
        let error = httpError { _ = try request(body, contentType: "multipart/form-data; boundary=b",
                                                limits: HTTPLimits(maxMultipartPartHeaders: 2)).multipart() }
        #expect(error?.status == .badRequest)
    }

    @Test(arguments: [
        "",                                                                        // empty body
        "no boundary anywhere",
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",          // truncated, no closing delimiter
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--b\r\n", // ends after a delimiter
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n",                    // truncated in headers
        "--b\r\nBad Header: x\r\n\r\nv\r\n--b--\r\n",                                // space in header name
        "--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--\r\n",                     // part without a name
        "--b\r\nContent-Disposition: form-data; name=\"a\"\nX: y\r\n\r\nv\r\n--b--", // bare LF in headers
    ])
    func malformedBodiesAre400(body: String) {
        let error = httpError { _ = try request(Array(body.utf8), contentType: "multipart/form-data; boundary=b").multipart() }
        #expect(error?.status == .badRequest, "\(body.debugDescription)")
    }

    @Test func emptyFieldAndPreambleAndEpilogue() throws {
        let body = "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--b--\r\nepilogue"
        let parts = try request(Array(body.utf8), contentType: "multipart/form-data; boundary=b").multipart()
        #expect(parts.count == 1)
        #expect(parts[0].name == "empty")
        #expect(parts[0].body.isEmpty)
    }

    @Test func partialBoundaryLookalikesInsideContentAreData() throws {
        let content = "x\r\n-b\r\n\r\n--\r-- b\r\r\n-"
        let body = "--bb\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\(content)\r\n--bb--\r\n"
        let parts = try request(Array(body.utf8), contentType: "multipart/form-data; boundary=bb").multipart()
        #expect(parts.map(\.text) == [content])
    }

    @Test func fullDelimiterInsideContentIsMalformed() {
        // "CRLF--boundary" must not occur inside a part (RFC 2046 §5.1.1).
        let body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--bx\r\n--b--\r\n"
        #expect(httpError { _ = try request(Array(body.utf8), contentType: "multipart/form-data; boundary=b").multipart() }?.status
            == .badRequest)
    }

    @Test func extendedFilenameIsPreferred() throws {
        let body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"; filename*=UTF-8''%C3%A9t%C3%A9.txt\r\n\r\nx\r\n--b--"
        let parts = try request(Array(body.utf8), contentType: "multipart/form-data; boundary=b").multipart()
        #expect(parts[0].filename == "été.txt")
    }

    @Test(arguments: ["text/plain", "multipart/mixed; boundary=b"])
    func wrongContentTypeIs415(contentType: String) {
        #expect(httpError { _ = try request(Self.body, contentType: contentType).multipart() }?.status == .unsupportedMediaType)
    }

    @Test(arguments: ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\(String(repeating: "x", count: 71))"])
    func missingOrBadBoundaryIs400(contentType: String) {
        #expect(httpError { _ = try request(Self.body, contentType: contentType).multipart() }?.status == .badRequest)
    }
}
