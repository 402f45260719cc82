import Foundation

/// A JSON encoder for `Encodable` values that produces the same bytes as Foundation's `JSONEncoder` with
/// `outputFormatting = [.sortedKeys, .withoutEscapingSlashes]` and `dateEncodingStrategy = .iso8601`
/// (the options of ``HTTPResponse/json(_:status:)``), several times faster.
///
/// It builds a small tree of the value (objects keep their keys in encoding order), then writes it into
/// one byte buffer, sorting each object's keys by their UTF-8 bytes as Foundation does (a key encoded
/// twice keeps its last value). Special cases as Foundation: `Date` as ISO 8601 without fractional
/// seconds, `URL` as its absolute string, `Data` as Base64, `Decimal` as its description; doubles and
/// floats as their shortest description without a trailing `.0`; a non-finite number throws
/// `EncodingError.invalidValue`. Strings are written as UTF-8, escaping `"`, `\` and control
/// characters only.
///
/// Safe to use from several threads at once: every call encodes into its own storage.
public struct FastJSONEncoder: Sendable {
    public init() {}

    /// The JSON bytes of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let direct = value as? any DirectJSONEncodable {
            var writer = JSONWriter()
            writer.output.bytes.reserveCapacity(512)
            direct.writeJSON(to: &writer)
            return writer.bytes
        }
        let node = try JSONTreeEncoder.node(of: value, parent: nil, key: nil)
        var writer = JSONByteWriter()
        writer.bytes.reserveCapacity(512)
        try writer.write(node)
        return writer.bytes
    }
}

// MARK: - The tree

/// One JSON value while encoding. Objects and arrays are references so that nested containers handed
/// out to `encode(to:)` fill them in place.
enum JSONNode {
    case null
    case bool(Bool)
    /// Number text, already formatted.
    case number(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
    /// A value that an encoder (a nested or super encoder) produces; resolved when written.
    case encoder(JSONTreeEncoder)
    /// JSON a ``DirectJSONEncodable`` value wrote itself.
    case raw([UInt8])
}

final class JSONArrayBox {
    var items: [JSONNode] = []
}

final class JSONObjectBox {
    var keys: [String] = []
    var values: [JSONNode] = []

    func set(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }
}

/// The `Encoder` that builds a ``JSONNode``.
final class JSONTreeEncoder: Encoder {
    var node: JSONNode?
    private let parent: JSONTreeEncoder?
    private let key: (any CodingKey)?

    init(parent: JSONTreeEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: JSONTreeEncoder? = self
        while let encoder = current {
            if let key = encoder.key { path.append(key) }
            current = encoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing) = node {
            box = existing
        } else {
            box = JSONObjectBox()
            node = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing) = node {
            box = existing
        } else {
            box = JSONArrayBox()
            node = .array(box)
        }
        return JSONUnkeyedContainer(encoder: self, box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// The node of `value`: scalars and Foundation's special types directly, anything else through its
    /// `encode(to:)`.
    ///
    /// The common types are recognised by comparing metatypes (cheap), not by dynamic casts.
    static func node<T: Encodable>(of value: T, parent: JSONTreeEncoder?, key: (any CodingKey)?) throws -> JSONNode {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == String?.self { return unsafeBitCast(value, to: String?.self).map(JSONNode.string) ?? .null }
        if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Int64.self { return .number(String(unsafeBitCast(value, to: Int64.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int?.self { return unsafeBitCast(value, to: Int?.self).map { .number(String($0)) } ?? .null }
        if T.self == Int64?.self { return unsafeBitCast(value, to: Int64?.self).map { .number(String($0)) } ?? .null }
        if T.self == Bool?.self { return unsafeBitCast(value, to: Bool?.self).map(JSONNode.bool) ?? .null }
        switch value {
        case let date as Date: return .string(JSONDateText.iso8601(date))
        case let url as URL: return .string(url.absoluteString)
        case let data as Data: return .string(data.base64EncodedString())
        case let decimal as Decimal: return .number(decimal.description)
        case let direct as any DirectJSONEncodable:
            var writer = JSONWriter()
            direct.writeJSON(to: &writer)
            return .raw(writer.bytes)
        default:
            let encoder = JSONTreeEncoder(parent: parent, key: key)
            try value.encode(to: encoder)
            // A type that encodes nothing is an empty object, as with Foundation.
            return encoder.node ?? .object(JSONObjectBox())
        }
    }

    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, encoder: JSONTreeEncoder,
                                                                         key: (any CodingKey)?) throws -> JSONNode {
        guard value.isFinite else {
            var path = encoder.codingPath
            if let key { path.append(key) }
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    let box: JSONObjectBox

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        box.set(key.stringValue, try JSONTreeEncoder.number(value, encoder: encoder, key: key))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        box.set(key.stringValue, try JSONTreeEncoder.number(value, encoder: encoder, key: key))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try JSONTreeEncoder.node(of: value, parent: encoder, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeEncoder(parent: encoder, key: key)
        box.set(key.stringValue, .encoder(nested))
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONTreeEncoder(parent: encoder, key: key)
        box.set(key.stringValue, .encoder(nested))
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = JSONTreeEncoder(parent: encoder, key: key)
        box.set(key.stringValue, .encoder(nested))
        return nested
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    let box: JSONArrayBox

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { box.items.count }

    private var nextKey: JSONIndexKey { JSONIndexKey(intValue: box.items.count) }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        box.items.append(try JSONTreeEncoder.number(value, encoder: encoder, key: nextKey))
    }
    mutating func encode(_ value: Float) throws {
        box.items.append(try JSONTreeEncoder.number(value, encoder: encoder, key: nextKey))
    }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try JSONTreeEncoder.node(of: value, parent: encoder, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeEncoder(parent: encoder, key: nextKey)
        box.items.append(.encoder(nested))
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONTreeEncoder(parent: encoder, key: nextKey)
        box.items.append(.encoder(nested))
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = JSONTreeEncoder(parent: encoder, key: nextKey)
        box.items.append(.encoder(nested))
        return nested
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try JSONTreeEncoder.number(value, encoder: encoder, key: nil) }
    mutating func encode(_ value: Float) throws { encoder.node = try JSONTreeEncoder.number(value, encoder: encoder, key: nil) }
    mutating func encode(_ value: Int) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try JSONTreeEncoder.node(of: value, parent: encoder, key: nil)
    }
}

/// The coding key of an array element (for coding paths in errors).
struct JSONIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

// MARK: - Writing

/// Writes a ``JSONNode`` as compact JSON bytes.
struct JSONByteWriter {
    var bytes: [UInt8] = []

    mutating func write(_ node: JSONNode) throws {
        switch node {
        case .null: bytes.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])
        case .bool(let value): value ? append("true") : append("false")
        case .number(let text): append(text)
        case .string(let text): writeString(text)
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            try writeObject(box)
        case .encoder(let encoder):
            try write(encoder.node ?? .object(JSONObjectBox()))
        case .raw(let json):
            bytes.append(contentsOf: json)
        }
    }

    private mutating func writeObject(_ box: JSONObjectBox) throws {
        let keys = box.keys
        // Sort positions by key bytes; among equal keys the later one wins (as a dictionary would).
        var order = Array(keys.indices)
        order.sort { a, b in
            let compared = Self.compareUTF8(keys[a], keys[b])
            return compared != 0 ? compared < 0 : a < b
        }
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (position, index) in order.enumerated() {
            if position + 1 < order.count, keys[order[position + 1]] == keys[index] { continue }
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            writeString(keys[index])
            bytes.append(UInt8(ascii: ":"))
            try write(box.values[index])
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Compares the UTF-8 bytes of two strings (memcmp, then length): <0, 0 or >0.
    static func compareUTF8(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0 {
                    let compared = memcmp(left.baseAddress!, right.baseAddress!, common)
                    if compared != 0 { return Int(compared) }
                }
                return left.count - right.count
            }
        }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most text has nothing to escape: found eight bytes at a time, then copied at once.
            guard Self.needsEscaping(utf8) else {
                bytes.append(contentsOf: utf8)
                return
            }
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0c: bytes.append(UInt8(ascii: "f"))
                case 0x0a: bytes.append(UInt8(ascii: "n"))
                case 0x0d: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0f)]])
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSONByteWriter {
    /// Whether `utf8` has a byte JSON strings escape: a control character (below 0x20), `"` or `\`.
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(utf8)
        var offset = 0
        while offset + 8 <= raw.count {
            if wordNeedsEscaping(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset += 8
        }
        while offset < raw.count {
            let byte = raw[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
    }

    /// Whether any of the eight bytes of `word` is below 0x20, `"` or `\` (the classic "has less than"
    /// and "has zero byte" bit tricks: exact for whether any byte matches).
    @inline(__always)
    private static func wordNeedsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5c)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return (belowSpace | hasQuote | hasBackslash) != 0
    }
}

/// `Date` as Foundation's `.iso8601` strategy writes it: `yyyy-MM-ddTHH:mm:ssZ`, UTC, whole seconds.
enum JSONDateText {
    static func iso8601(_ date: Date) -> String {
        var time = time_t(Int64(date.timeIntervalSince1970.rounded(.down)))
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }
}
