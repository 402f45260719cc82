@testable import DeskHTTP
import Testing

@Suite struct QueryParametersTests {
    func pairs(_ text: String) -> [String] {
        QueryParameters(urlEncoded: text).map { "\($0.name)=\($0.value)" }
    }

    @Test func decodesPercentAndPlus() {
        let query = QueryParameters(urlEncoded: "q=a+b%20c&name=J%C3%BCrgen&sign=%2B1&amp=%26")
        #expect(query["q"] == "a b c")
        #expect(query["name"] == "Jürgen")
        #expect(query["sign"] == "+1")
        #expect(query["amp"] == "&")
    }

    @Test func repeatedKeysKeepOrder() {
        let query = QueryParameters(urlEncoded: "tag=b&x=1&tag=a&tag=")
        #expect(query["tag"] == "b")
        #expect(query.all("tag") == ["b", "a", ""])
        #expect(query.all("none") == [])
    }

    @Test(arguments: [
        ("", [String]()),
        ("&&", []),
        ("a", ["a="]),
        ("a=", ["a="]),
        ("=b", ["=b"]),
        ("a=b=c", ["a=b=c"]),
        ("a=1&&b=2&", ["a=1", "b=2"]),
        ("%zz=%", ["%zz=%"]),            // malformed escapes stay literal
        ("a=%4", ["a=%4"]),
        ("a=%4g%41", ["a=%4gA"]),
        ("a=100%", ["a=100%"]),
        ("a=%FF", ["a=\u{FFFD}"]),       // not UTF-8: replacement character
        ("a=%C3", ["a=\u{FFFD}"]),
        ("%61%3D=%3D", ["a==="]),        // an encoded = belongs to the name
        ("a=%2B+%2b", ["a=+ +"]),
        ("a=%00", ["a=\u{0}"]),
    ])
    func edgeCases(input: String, expected: [String]) {
        #expect(pairs(input) == expected)
    }

    @Test func fieldLimit() throws {
        #expect(try QueryParameters.parse("a=1&b=2", maxFields: 2).count == 2)
        let error = httpError { _ = try QueryParameters.parse("a=1&b=2&c=3", maxFields: 2) }
        #expect(error?.status == .payloadTooLarge)
        #expect(error?.errorCode == "PAYLOAD_TOO_LARGE")
    }

    @Test func typedValues() throws {
        let query = QueryParameters(urlEncoded: "ms=250&bad=x")
        #expect(try query.value("ms", as: Int.self) == 250)
        #expect(try query.value("none", as: Int.self) == nil)
        let error = httpError { _ = try query.value("bad", as: Int.self) }
        #expect(error?.status == .badRequest)
        #expect(error?.fieldErrors.first?.fieldName == "bad")
    }

    @Test func decodesFeedByteByByteEquivalently() {
        // Parsing any prefix must never crash, whatever byte it ends on.
        let text = "na%C3%AFve=caf%C3%A9+au+lait&x=%2"
        for end in text.indices {
            _ = QueryParameters(urlEncoded: text[..<end])
        }
        #expect(QueryParameters(urlEncoded: text)["naïve"] == "café au lait")
        #expect(QueryParameters(urlEncoded: text)["x"] == "%2")
    }
}

@Suite struct RequestTargetTests {
    @Test func pathIsDecodedStrictly() throws {
        let request = try HTTPRequest(uri: "/help/caf%C3%A9+x?q=1+2")
        #expect(request.path == "/help/café+x")
        #expect(request.query["q"] == "1 2")
    }

    @Test(arguments: ["/a%2Fb", "/a%00", "/a%zz", "/a%4", "/a%FF", "relative", ""])
    func malformedPathsAreRejected(uri: String) {
        let error = httpError { _ = try HTTPRequest(uri: uri) }
        #expect(error?.status == .badRequest)
        #expect(error?.errorCode == "INVALID_URL")
    }

    @Test func absoluteFormIsReducedToPath() throws {
        #expect(try HTTPRequest(uri: "http://example.com/a?b=1").path == "/a")
        #expect(try HTTPRequest(uri: "http://example.com?b=1").query["b"] == "1")
    }

    @Test(arguments: [
        ("US.Desk.Localhost:8443", "us.desk.localhost"),
        ("example.com", "example.com"),
        ("example.com.", "example.com"),
        ("[::1]:8080", "[::1]"),
        ("[2001:DB8::1]", "[2001:db8::1]"),
        ("127.0.0.1:80", "127.0.0.1"),
    ])
    func hostIsNormalised(raw: String, expected: String) {
        #expect(RequestTarget.normalizedHost(raw) == expected)
    }
}
