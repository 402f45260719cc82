import DeskHTTP
import Foundation
import Testing

@Suite("Fast JSON encoder")
struct FastJSONEncoderTests {
    private let foundation = HTTPResponse.makeJSONEncoder()

    private func same<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = String(decoding: try foundation.encode(value), as: UTF8.self)
        let fast = String(decoding: try FastJSONEncoder().encode(value), as: UTF8.self)
        #expect(fast == expected, sourceLocation: sourceLocation)
    }

    private struct Ticket: Encodable {
        let id: String
        let subject: String
        let description: String?
        let priority: String?
        let count: Int
        let ratio: Double
        let open: Bool
        let tags: [String]
        let cf: [String: String?]
        let created: Date
        let nested: Nested?
    }

    private struct Nested: Encodable {
        let a: Int64
        let b: UInt8
        let url: URL
        let data: Data
    }

    /// Encodes `field` twice and uses nested containers and a super encoder.
    private struct Manual: Encodable {
        enum Key: String, CodingKey { case field, list, inner, parent, zeta = "Zeta", aa = "a10", ab = "a2" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("first", forKey: .field)
            try container.encode("second", forKey: .field)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(true, forKey: .zeta)
            var object = container.nestedContainer(keyedBy: Key.self, forKey: .inner)
            try object.encode(Float(1.5), forKey: .aa)
            try object.encode(-0.0, forKey: .ab)
            try container.encodeNil(forKey: .zeta)
            try ["k": 1].encode(to: container.superEncoder(forKey: .parent))
        }
    }

    @Test("Same bytes as Foundation's encoder with the response options")
    func matchesFoundation() throws {
        let ticket = Ticket(id: "123", subject: "日本語の件名 😀 \"quoted\" back\\slash /path\n\t\r\u{1}\u{1f}\u{7f}\u{2028}",
                            description: nil, priority: "High", count: -42, ratio: 0.1, open: true,
                            tags: ["a", "", "b/c"], cf: ["cf_b": "x", "cf_a": nil, "Cf": "y", "cf_ä": "z"],
                            created: Date(timeIntervalSince1970: 1_700_000_000.987),
                            nested: Nested(a: .min, b: 255, url: URL(string: "https://desk.example/a?b=c")!,
                                           data: Data([0, 1, 2, 250])))
        try same(ticket)
        try same([ticket, ticket])
        try same(["data": [ticket]])
        try same(Manual())
        try same([1.0, 1e-5, 1e21, 123_456_789.125, 3.141_592_653_589_793, 1e300, -2.5])
        try same([Float(0.1), Float(3.4e38)])
        try same([String: Int]())
        try same([Int]())
        try same("top-level string")
        try same(Optional<Int>.none)
        try same([UInt64.max])
        try same(Decimal(string: "12.50")!)
    }

    @Test("Non-finite numbers throw, as with Foundation")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try FastJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try FastJSONEncoder().encode(["x": Double.infinity]) }
        let response = HTTPResponse.json(["x": Double.infinity])
        #expect(response.status == .internalServerError)
    }

    @Test("HTTPResponse.json uses it")
    func response() throws {
        let response = HTTPResponse.json(["b": 1, "a": 2])
        #expect(response.bodyText == #"{"a":2,"b":1}"#)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
    }
}
