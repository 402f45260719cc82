/// Percent-decoding for `application/x-www-form-urlencoded` text and for URL paths.
enum PercentDecoding {
    /// Decodes a form or query component the WHATWG way: `+` is a space, `%XX` is a byte, an escape
    /// that is not two hex digits stays as written, and bytes that are not UTF-8 become U+FFFD.
    static func decodeFormComponent(_ text: Substring) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let decoded = hexPair(utf8, after: index) {
                bytes.append(decoded)
                index = utf8.index(index, offsetBy: 2)
            } else {
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a URL path strictly: `+` stays a plus, and `nil` is returned for a malformed escape,
    /// an encoded slash (`%2F`) or NUL (`%00`), or bytes that are not valid UTF-8.
    static func decodePath(_ text: Substring) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                guard let decoded = hexPair(utf8, after: index), decoded != 0, decoded != UInt8(ascii: "/") else {
                    return nil
                }
                bytes.append(decoded)
                index = utf8.index(index, offsetBy: 2)
            } else {
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexPair(_ utf8: Substring.UTF8View, after percent: Substring.UTF8View.Index) -> UInt8? {
        let first = utf8.index(after: percent)
        guard first != utf8.endIndex else { return nil }
        let second = utf8.index(after: first)
        guard second != utf8.endIndex, let high = hexValue(utf8[first]), let low = hexValue(utf8[second]) else {
            return nil
        }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
