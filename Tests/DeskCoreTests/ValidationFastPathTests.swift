@testable import DeskCore
import Foundation
import Testing

@Suite("Validation of text and email addresses")
struct ValidationFastPathTests {
    @Test("Email addresses: the ASCII path agrees with the Unicode-aware one", arguments: [
        "a@b.c", "user@example.com", "first.last+tag@sub.example.co.jp", "@example.com", "user@", "user@example",
        "user@.example.com", "user@example.com.", "user@exa..mple.com", "us er@example.com", "user@exa mple.com",
        "user@example.com\n", "user@example.com\r\n", "\tuser@example.com", "a@b@c.d", "<user@example.com>",
        "user,x@example.com", "user@@example.com", "", "@", ".", "a@.", "a@b.", "a@.b", "a@b..c", "a@b.c.",
        String(repeating: "l", count: 64) + "@example.com", String(repeating: "l", count: 65) + "@example.com",
        "u@" + String(repeating: "d", count: 248) + ".com", "u@" + String(repeating: "d", count: 249) + ".com",
        "user\u{0B}@example.com", "user\u{1F}@example.com", "user@example.com\u{0C}",
    ])
    func asciiEmails(_ value: String) {
        #expect(Validation.isPlausibleASCIIEmail(value.utf8) == Validation.isPlausibleEmail(value))
    }

    @Test("Email addresses with non-ASCII text take the Unicode-aware path")
    func unicodeEmails() throws {
        try Validation.email("山田@例え.jp", field: "email")
        #expect(throws: StoreError.self) { try Validation.email("山田\u{3000}@例え.jp", field: "email") }
        #expect(throws: StoreError.self) { try Validation.email("user@example.com\u{2028}", field: "email") }
        #expect(throws: StoreError.self) { try Validation.email("user@example", field: "email") }
    }

    @Test("Random ASCII addresses: both paths agree")
    func randomASCII() {
        let alphabet = Array("ab.@ ,<>\t\n\r-_+1".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let value = String(decoding: bytes, as: UTF8.self)
            #expect(Validation.isPlausibleASCIIEmail(value.utf8) == Validation.isPlausibleEmail(value), "\(bytes)")
        }
    }

    @Test("Blank text is what trimming whitespace and newlines empties", arguments: [
        "", " ", "\t\n\r", "\u{00A0}", "\u{3000}", "\u{2028}\u{2029}", "\u{0085}", "\u{200B}", "a", " a ", "件名",
        "\u{1F}", "\u{FEFF}", "\r\n", "\u{1C}\u{1D}", "\u{0B}\u{0C}", " \u{200B}", "\u{200B}x",
    ])
    func blank(_ value: String) {
        #expect(Validation.isBlank(value) == value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test("Length counts characters, not bytes")
    func length() throws {
        try Validation.length(String(repeating: "日", count: 10), field: "subject", max: 10)
        try Validation.length("e\u{301}" + String(repeating: "x", count: 9), field: "subject", max: 10)
        #expect(throws: StoreError.self) { try Validation.length(String(repeating: "日", count: 11), field: "subject", max: 10) }
        #expect(throws: StoreError.self) { try Validation.length(String(repeating: "x", count: 11), field: "subject", max: 10) }
    }
}
