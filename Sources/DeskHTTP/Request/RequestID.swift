/// Request ids: the client's `X-Request-Id` when it is safe to echo and log, else a fresh one.
public enum RequestID {
    /// Whether `value` matches `[A-Za-z0-9._-]{1,128}`.
    public static func isValid(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            (1...128).contains(utf8.count) && utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default:
                    false
                }
            }
        }
    }

    /// 32 random lowercase hex characters (128 bits from the system random source).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<2 {
            var word = generator.next() as UInt64
            for _ in 0..<16 {
                bytes.append(digits[Int(word & 0xF)])
                word >>= 4
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `incoming` when valid, otherwise a generated id.
    public static func resolve(_ incoming: String?) -> String {
        if let incoming, isValid(incoming) { return incoming }
        return generate()
    }
}
