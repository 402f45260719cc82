@testable import DeskHTTP
import Testing

@Suite struct CookiesTests {
    @Test func parsesPairs() {
        let cookies = Cookies.parse(["__Host-session=abc123; theme=dark ;lang=\"en-GB\""])
        #expect(cookies == ["__Host-session": "abc123", "theme": "dark", "lang": "en-GB"])
    }

    @Test func firstOccurrenceWinsAcrossHeaders() {
        let cookies = Cookies.parse(["a=1; a=2", "a=3; b=4"])
        #expect(cookies == ["a": "1", "b": "4"])
    }

    @Test func ignoresGarbage() {
        let cookies = Cookies.parse([";;novalue; =nameless; x=; y=a=b; z=%41"])
        #expect(cookies == ["x": "", "y": "a=b", "z": "%41"])
    }

    @Test func requestTakesCookiesFromHeaders() {
        let request = HTTPRequest(method: .get, path: "/", headers: ["cookie": "sid=1"])
        #expect(request.cookies == ["sid": "1"])
    }
}

@Suite struct RequestIDTests {
    @Test func validIDsAreKept() {
        #expect(HTTPRequest(method: .get, path: "/", requestID: "abc-DEF_1.2").requestID == "abc-DEF_1.2")
        #expect(HTTPRequest(method: .get, path: "/", headers: ["X-Request-Id": "from-header"]).requestID == "from-header")
        let long = String(repeating: "a", count: 128)
        #expect(RequestID.resolve(long) == long)
    }

    @Test(arguments: ["", "has space", "a/b", "<script>", "é", String(repeating: "a", count: 129)])
    func invalidIDsAreReplaced(incoming: String) {
        let id = RequestID.resolve(incoming)
        #expect(id != incoming)
        #expect(id.count == 32)
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func generatedIDsDiffer() {
        #expect(RequestID.generate() != RequestID.generate())
    }
}

@Suite struct CGIRequestTests {
    @Test func buildsRequestFromParams() throws {
        let request = try HTTPRequest(cgiParameters: [
            "REQUEST_METHOD": "POST", "REQUEST_URI": "/api/v1/tickets?from=0&limit=10",
            "QUERY_STRING": "ignored=1", "HTTP_HOST": "EU.desk.localhost:443", "REMOTE_ADDR": "203.0.113.9",
            "HTTP_X_REQUEST_ID": "req-1", "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": "2",
            "HTTP_ACCEPT_LANGUAGE": "de", "HTTP_COOKIE": "a=b",
        ], body: Array("{}".utf8))
        #expect(request.method == .post)
        #expect(request.path == "/api/v1/tickets")
        #expect(request.query["limit"] == "10")
        #expect(request.query["ignored"] == nil)
        #expect(request.host == "eu.desk.localhost")
        #expect(request.remoteAddress == "203.0.113.9")
        #expect(request.requestID == "req-1")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["Content-Length"] == "2")
        #expect(request.headers["Accept-Language"] == "de")
        #expect(request.cookies["a"] == "b")
        #expect(request.body == Array("{}".utf8))
    }

    @Test("REQUEST_URI wins over DOCUMENT_URI; an empty one falls back to DOCUMENT_URI and QUERY_STRING")
    func requestURIBeforeDocumentURI() throws {
        let both = try HTTPRequest(cgiParameters: [
            "REQUEST_URI": "/api/v1/tickets/%E6%97%A5?x=1", "DOCUMENT_URI": "/index.php", "QUERY_STRING": "y=2",
        ])
        #expect(both.path == "/api/v1/tickets/日")
        #expect(both.query["x"] == "1")
        #expect(both.query["y"] == nil)
        let empty = try HTTPRequest(cgiParameters: ["REQUEST_URI": "", "DOCUMENT_URI": "/y", "QUERY_STRING": "b=2"])
        #expect(empty.path == "/y")
        #expect(empty.query["b"] == "2")
    }

    @Test func fallsBackToDocumentURIAndQueryString() throws {
        let request = try HTTPRequest(cgiParameters: ["DOCUMENT_URI": "/x", "QUERY_STRING": "a=1", "SERVER_NAME": "Host"])
        #expect(request.method == .get)
        #expect(request.path == "/x")
        #expect(request.query["a"] == "1")
        #expect(request.host == "host")
        #expect(request.requestID.count == 32)
    }
}
