@testable import DeskHTTP
import Testing

@Suite("Response head")
struct ResponseHeadTests {
    @Test("Status line and headers are written as sent, each on its own CRLF-ended line, then an empty line")
    func plainHead() {
        let response = HTTPResponse(status: .created, headers: ["Content-Type": "application/json; charset=utf-8",
                                                                "X-Request-Id": "abc123"])
        let head = String(decoding: HTTPServer<String>.head(of: response), as: UTF8.self)
        #expect(head.hasPrefix("Status: 201 Created\r\n"))
        #expect(head.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"))
        #expect(head.contains("\r\nX-Request-Id: abc123\r\n"))
        #expect(head.hasSuffix("\r\n\r\n"))
        #expect(head.components(separatedBy: "\r\n").count == 5)
    }

    @Test("CR, LF and NUL inside a header are dropped: no header can be injected; non-ASCII text is kept")
    func noInjection() {
        let response = HTTPResponse(headers: ["Content-Disposition": "attachment; filename=\"a\r\nSet-Cookie: x=1\0.txt\"",
                                              "X-Note": "日本語"])
        let head = String(decoding: HTTPServer<String>.head(of: response), as: UTF8.self)
        #expect(!head.contains("\r\nSet-Cookie"))
        #expect(head.contains("\r\nContent-Disposition: attachment; filename=\"aSet-Cookie: x=1.txt\"\r\n"))
        #expect(head.contains("\r\nX-Note: 日本語\r\n"))
        #expect(!head.utf8.contains(0))
    }

    @Test("The head is exactly its lines: with no header, and with many of every length")
    func exactBytes() {
        let bare = HTTPResponse(status: .noContent, headers: HTTPHeaders())
        #expect(HTTPServer<String>.head(of: bare) == Array("Status: 204 No Content\r\n\r\n".utf8))

        var headers = HTTPHeaders()
        var expected = "Status: 200 OK\r\n"
        for index in 0..<40 {
            let value = String(repeating: "v", count: index * 7) + "é"
            headers.add(name: "X-Header-\(index)", value: value)
            expected += "X-Header-\(index): \(value)\r\n"
        }
        expected += "\r\n"
        #expect(HTTPServer<String>.head(of: HTTPResponse(headers: headers)) == Array(expected.utf8))
    }
}
