/// The text form of access tokens: the 32 random bytes as 64 lowercase hex characters.
public enum AccessTokenText {
    public static let byteCount = 32

    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a well-formed token (64 hex characters, either case), else nil. Read over the text's
    /// UTF-8 in place: every API request decodes its token.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.count == byteCount * 2 else { return nil }
            var valid = true
            let bytes = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
                for index in 0..<byteCount {
                    let high = nibble(utf8[2 * index]), low = nibble(utf8[2 * index + 1])
                    guard high < 16, low < 16 else {
                        valid = false
                        break
                    }
                    buffer[index] = high << 4 | low
                }
                initialized = valid ? byteCount : 0
            }
            return valid ? bytes : nil
        }
    }

    /// The value of a hex digit, or 16 for any other byte.
    @inline(__always)
    private static func nibble(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: 16
        }
    }
}
