@testable import DeskAPI
import Foundation
import Testing

@Suite("JSON request body parser")
struct JSONValueParserTests {
    private func parse(_ text: String) -> JSONValue? {
        try? JSONValueParser.parse(Array(text.utf8))
    }

    @Test("Values of every type, escapes, surrogate pairs, Japanese text and whitespace")
    func values() throws {
        #expect(parse(#" {"a": 1, "b": [true, false, null], "c": {"d": -2.5e3}} "#) == .object([
            "a": .number(1), "b": .array([.bool(true), .bool(false), .null]), "c": .object(["d": .number(-2500)]),
        ]))
        #expect(parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\té😀"))
        #expect(parse(#"{"件名":"プリンターが動きません"}"#) == .object(["件名": .string("プリンターが動きません")]))
        #expect(parse("[]") == .array([]))
        #expect(parse("{}") == .object([:]))
        #expect(parse("0") == .number(0))
        #expect(parse("-0.5") == .number(-0.5))
        #expect(parse(#"{"a":1,"a":2}"#) == .object(["a": .number(2)]))
    }

    @Test("Malformed documents are refused", arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "-", "1e", "+1", "1e400",
        "tru", "nul", "[1] [2]", "\"abc", "\"a\u{1}b\"", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00x""#,
        #""\ud800\u0041""#, "NaN", "Infinity", "{\"a\":1}x", "'a'",
    ])
    func malformed(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test("Invalid UTF-8 and nesting beyond the limit are refused")
    func limits() {
        #expect((try? JSONValueParser.parse([0x22, 0xC3, 0x28, 0x22])) == nil)
        #expect((try? JSONValueParser.parse([0x22, 0xFF, 0x22])) == nil)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(parse(deep) == nil)
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(parse(fine) != nil)
    }

    @Test("Agrees with JSONDecoder on well-formed documents")
    func agreesWithFoundation() throws {
        let documents = [
            #"{"subject":"Printer offline","channel":"Web","priority":null,"n":12345678901,"f":0.1,"e":1E-3}"#,
            #"{"nested":{"list":[1,"two",{"three":3}],"empty":""}}"#,
            #"{"unicode":"\u65e5\u672c","raw":"日本語"}"#,
        ]
        for document in documents {
            let expected = try JSONDecoder().decode([String: JSONValue].self, from: Data(document.utf8))
            #expect(parse(document) == .object(expected))
        }
    }
}
