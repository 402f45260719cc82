/// A value that writes its own JSON bytes instead of going through `encode(to:)` and the encoder's tree.
///
/// ``FastJSONEncoder`` (and so ``HTTPResponse/json(_:status:)``) uses ``writeJSON(to:)`` wherever it meets
/// such a value, at the top or nested in lists and objects; Foundation's `JSONEncoder` still uses
/// `encode(to:)`. The two must produce the same bytes: keys in UTF-8 byte order (Foundation's
/// `.sortedKeys`), each key once. The hot responses (a ticket, a page of tickets) use it, because building
/// and sorting the tree costs more than the rest of rendering them.
public protocol DirectJSONEncodable: Encodable {
    /// Writes this value's JSON, exactly as `encode(to:)` renders through ``FastJSONEncoder``.
    func writeJSON(to writer: inout JSONWriter)
}

/// Writes compact JSON straight into bytes, for ``DirectJSONEncodable`` values.
///
/// Objects are written key by key; the caller writes keys in UTF-8 byte order (debug builds check it).
/// Strings are escaped as ``FastJSONEncoder`` escapes them.
public struct JSONWriter {
    var output = JSONByteWriter()
    /// No comma before the next key or item: the object or array was just opened.
    private var atStart = true
    #if DEBUG
    /// The last key of each open object, to check the order.
    private var lastKeys: [[UInt8]?] = []
    #endif

    /// An empty writer.
    public init() {}

    /// The bytes written so far.
    public var bytes: [UInt8] { output.bytes }

    /// Opens an object: `{`.
    public mutating func beginObject() {
        output.bytes.append(UInt8(ascii: "{"))
        atStart = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    /// Closes the innermost object: `}`.
    public mutating func endObject() {
        output.bytes.append(UInt8(ascii: "}"))
        atStart = false
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// Opens an array: `[`.
    public mutating func beginArray() {
        output.bytes.append(UInt8(ascii: "["))
        atStart = true
    }

    /// Closes the innermost array: `]`.
    public mutating func endArray() {
        output.bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    /// Starts an array item (the comma between items).
    public mutating func item() {
        if !atStart { output.bytes.append(UInt8(ascii: ",")) }
        atStart = false
    }

    /// Writes `"name":` for a key written in the source (after a comma unless it is the object's first
    /// key). Such keys are ASCII names with nothing to escape (debug builds check it), so their bytes are
    /// copied as they are.
    public mutating func key(_ name: StaticString) {
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        let comma = !atStart
        atStart = false
        #if DEBUG
        assert(utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
               "JSON key needs escaping: \(name)")
        checkOrder(Array(utf8))
        #endif
        // `,"name":` assembled on the stack and appended at once (one capacity check instead of five).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 4) { buffer in
            var end = 0
            if comma {
                buffer[end] = UInt8(ascii: ",")
                end += 1
            }
            buffer[end] = UInt8(ascii: "\"")
            _ = UnsafeMutableBufferPointer(rebasing: buffer[(end + 1)...]).initialize(from: utf8)
            end += 1 + utf8.count
            buffer[end] = UInt8(ascii: "\"")
            buffer[end + 1] = UInt8(ascii: ":")
            output.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<(end + 2)]))
        }
    }

    /// Writes `"name":` for a key only known at run time, escaped (after a comma unless it is the object's
    /// first key).
    public mutating func key(named name: String) {
        if !atStart { output.bytes.append(UInt8(ascii: ",")) }
        atStart = false
        #if DEBUG
        checkOrder(Array(name.utf8))
        #endif
        output.writeString(name)
        output.bytes.append(UInt8(ascii: ":"))
    }

    #if DEBUG
    /// Checks that the object's keys come in UTF-8 byte order.
    private mutating func checkOrder(_ nameBytes: [UInt8]) {
        if let previous = lastKeys[lastKeys.count - 1] {
            assert(previous.lexicographicallyPrecedes(nameBytes), "JSON keys out of order: \(nameBytes)")
        }
        lastKeys[lastKeys.count - 1] = nameBytes
    }
    #endif

    /// A string value.
    public mutating func string(_ value: String) {
        output.writeString(value)
    }

    /// A string value, or `null`.
    public mutating func string(_ value: String?) {
        if let value { output.writeString(value) } else { null() }
    }

    /// A string value whose text `append` adds to the output bytes as it is: only for text that never
    /// needs escaping (ASCII without control characters, `"` or `\\`), such as a formatted time; debug
    /// builds check it.
    public mutating func string(unescaped append: (inout [UInt8]) -> Void) {
        output.bytes.append(UInt8(ascii: "\""))
        #if DEBUG
        let start = output.bytes.count
        #endif
        append(&output.bytes)
        #if DEBUG
        assert(output.bytes[start...].allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
               "JSON string needs escaping")
        #endif
        output.bytes.append(UInt8(ascii: "\""))
    }

    /// A decimal number as a JSON string (the API's IDs), or `null`.
    public mutating func idString(_ value: Int64?) {
        guard let value else { return null() }
        appendDecimal(value, quoted: true)
    }

    /// An integer value.
    public mutating func integer(_ value: Int64) {
        appendDecimal(value)
    }

    /// `null`.
    public mutating func null() {
        output.bytes.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])
    }

    /// A nested value: directly when it writes itself, else through ``FastJSONEncoder``'s tree.
    public mutating func value<T: Encodable>(_ value: T) throws {
        if let direct = value as? any DirectJSONEncodable {
            direct.writeJSON(to: &self)
            return
        }
        try output.write(JSONTreeEncoder.node(of: value, parent: nil, key: nil))
    }

    /// The decimal digits of `value`, in quotes when `quoted`, appended at once.
    private mutating func appendDecimal(_ value: Int64, quoted: Bool = false) {
        var magnitude = value.magnitude
        // Sign, 20 digits at most and two quotes, written back to front.
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            var index = buffer.count
            func put(_ byte: UInt8) {
                index -= 1
                buffer[index] = byte
            }
            if quoted { put(UInt8(ascii: "\"")) }
            repeat {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { put(UInt8(ascii: "-")) }
            if quoted { put(UInt8(ascii: "\"")) }
            output.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }
}
