/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``, for request bodies.
///
/// Decoding `[String: JSONValue]` with Foundation's `JSONDecoder` tries each JSON type in turn and throws
/// (and allocates) an error for every miss; this reads each value once. It accepts what `JSONDecoder`
/// accepts for UTF-8 input — insignificant whitespace, every escape, surrogate pairs — and refuses the
/// rest: invalid UTF-8, unescaped control characters, lone surrogates, leading zeros, non-finite numbers,
/// trailing content, nesting deeper than ``maxDepth``. A key given twice keeps its last value.
struct JSONValueParser {
    /// Malformed JSON (400 for a request body).
    struct Malformed: Error {}

    /// Objects and arrays nested deeper than this are refused (as `JSONDecoder` does).
    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The one JSON value `bytes` hold.
    static func parse(_ bytes: [UInt8]) throws(Malformed) -> JSONValue {
        let result: Result<JSONValue, Malformed> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONValueParser(buffer)
            do {
                parser.skipWhitespace()
                let value = try parser.value()
                parser.skipWhitespace()
                guard parser.position == buffer.count else { throw Malformed() }
                return .success(value)
            } catch {
                return .failure(Malformed())
            }
        }
        return try result.get()
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ literal: StaticString) throws(Malformed) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw Malformed() }
        let start = literal.utf8Start
        for index in 0..<count where bytes[position + index] != start[index] { throw Malformed() }
        position += count
    }

    private mutating func value() throws(Malformed) -> JSONValue {
        guard let byte = current else { throw Malformed() }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object() throws(Malformed) -> JSONValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw Malformed() }
        defer { depth -= 1 }
        position += 1
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(fields)
        }
        while true {
            guard current == UInt8(ascii: "\"") else { throw Malformed() }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw Malformed() }
            position += 1
            skipWhitespace()
            fields[key] = try value()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                return .object(fields)
            default:
                throw Malformed()
            }
        }
    }

    private mutating func array() throws(Malformed) -> JSONValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw Malformed() }
        defer { depth -= 1 }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default:
                throw Malformed()
            }
        }
    }

    /// A string starting at its opening quote; ends after the closing quote.
    private mutating func string() throws(Malformed) -> String {
        position += 1
        let start = position
        // The common case: no escapes, so the bytes between the quotes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.validated(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw Malformed() }
            position += 1
        }
        guard position < bytes.count else { throw Malformed() }
        var unescaped = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try unescaped.withUnsafeBufferPointer { buffer throws(Malformed) in try Self.validated(buffer) }
            case UInt8(ascii: "\\"):
                position += 1
                guard let escape = current else { throw Malformed() }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = UInt32(try hex4())
                    if (0xD800...0xDBFF).contains(scalar) {
                        try expect("\\u")
                        let low = UInt32(try hex4())
                        guard (0xDC00...0xDFFF).contains(low) else { throw Malformed() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw Malformed()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Malformed() }
                    unescaped.append(contentsOf: UTF8.encode(unicode)!)
                default:
                    throw Malformed()
                }
            default:
                guard byte >= 0x20 else { throw Malformed() }
                unescaped.append(byte)
                position += 1
            }
        }
        throw Malformed()
    }

    private mutating func hex4() throws(Malformed) -> UInt16 {
        guard bytes.count - position >= 4 else { throw Malformed() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed()
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// The string of valid UTF-8 `buffer`; invalid UTF-8 is malformed.
    private static func validated(_ buffer: UnsafeBufferPointer<UInt8>) throws(Malformed) -> String {
        if buffer.allSatisfy({ $0 < 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else { throw Malformed() }
        return text
    }

    /// A number per the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(Malformed) -> Double {
        let start = position
        func digits(_ parser: inout JSONValueParser) -> Int {
            let first = parser.position
            while let byte = parser.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { parser.position += 1 }
            return parser.position - first
        }
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits(&self) > 0 else { throw Malformed() }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw Malformed() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw Malformed() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw Malformed() }
        return number
    }
}
