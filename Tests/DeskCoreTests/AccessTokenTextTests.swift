import DeskCore
import Testing

@Suite("AccessTokenText")
struct AccessTokenTextTests {
    private static let bytes: [UInt8] = (0..<32).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }

    @Test("A token's text decodes back to its bytes, in lower and upper case")
    func roundTrip() {
        let text = AccessTokenText.encode(Self.bytes)
        #expect(text.utf8.count == 64)
        #expect(AccessTokenText.decode(text) == Self.bytes)
        #expect(AccessTokenText.decode(text.uppercased()) == Self.bytes)
        #expect(AccessTokenText.decode(String(repeating: "0", count: 64)) == [UInt8](repeating: 0, count: 32))
        #expect(AccessTokenText.decode(String(repeating: "F", count: 64)) == [UInt8](repeating: 255, count: 32))
    }

    @Test("A wrong length is refused")
    func wrongLength() {
        let text = AccessTokenText.encode(Self.bytes)
        #expect(AccessTokenText.decode("") == nil)
        #expect(AccessTokenText.decode(String(text.dropLast())) == nil)
        #expect(AccessTokenText.decode(text + "0") == nil)
        #expect(AccessTokenText.decode(text + text) == nil)
    }

    @Test("A character that is not a hex digit is refused at every position")
    func nonHexAtEveryPosition() {
        let text = Array(AccessTokenText.encode(Self.bytes).utf8)
        for position in 0..<text.count {
            for bad in ["g", "G", "/", ":", "@", "`", " ", "\u{0}"] {
                var broken = text
                broken[position] = bad.utf8.first!
                #expect(AccessTokenText.decode(String(decoding: broken, as: UTF8.self)) == nil,
                        "position \(position), byte \(bad.utf8.first!)")
            }
        }
        // Two-byte UTF-8 characters: 64 bytes, but not 64 hex digits.
        #expect(AccessTokenText.decode(String(repeating: "é", count: 32)) == nil)
    }
}
