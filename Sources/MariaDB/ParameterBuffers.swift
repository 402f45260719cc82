import CMariaDB

/// The `MYSQL_BIND` array and the memory behind it for one execution's parameters.
///
/// Connector/C keeps pointers into these buffers until `mysql_stmt_execute` returns, so the object must
/// stay alive across the execute call; it frees everything when it goes away.
final class ParameterBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let count: Int
    /// One slot per parameter for a fixed-size value (integer, double, `MYSQL_TIME`): a single allocation
    /// for all of them, where most statements bind nothing else.
    private let slots: UnsafeMutableRawPointer
    /// Buffers of text and binary values.
    private var allocations: [UnsafeMutableRawPointer] = []

    private static let slotSize = max(8, (MemoryLayout<MYSQL_TIME>.stride + 7) / 8 * 8)

    init(_ values: [Value]) {
        count = values.count
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        slots = .allocate(byteCount: max(count, 1) * Self.slotSize, alignment: 8)
        for (index, value) in values.enumerated() {
            bind(value, into: &binds[index], slot: slots + index * Self.slotSize)
        }
    }

    /// Whether every value is an integer, a double or a time: then the buffers hold nothing but slots, and
    /// the next execution's values can be written into them (``rewrite(_:)``).
    var isFixedSize: Bool { allocations.isEmpty && (0..<count).allSatisfy { binds[$0].buffer_type != MYSQL_TYPE_NULL } }

    /// Writes `values` into the slots bound for the previous ones, when they are as many and of the same
    /// fixed-size kinds, value by value (the `MYSQL_BIND` array stays as bound); false, changing nothing,
    /// when they are not. Connector/C reads the values from the bound memory at each execution, so the
    /// statement does not need binding again: nor does the server need the parameter types again.
    func rewrite(_ values: [Value]) -> Bool {
        guard values.count == count else { return false }
        for (index, value) in values.enumerated() {
            let expected: enum_field_types
            switch value {
            case .int: expected = MYSQL_TYPE_LONGLONG
            case .double: expected = MYSQL_TYPE_DOUBLE
            case .date: expected = MYSQL_TYPE_DATETIME
            case .null, .string, .bytes: return false
            }
            guard binds[index].buffer_type == expected else { return false }
        }
        for (index, value) in values.enumerated() {
            let slot = slots + index * Self.slotSize
            switch value {
            case .int(let number): _ = Self.store(number, in: slot)
            case .double(let number): _ = Self.store(number, in: slot)
            case .date(let date): _ = Self.store(DateConversion.mysqlTime(from: date), in: slot)
            case .null, .string, .bytes: break
            }
        }
        return true
    }

    deinit {
        for allocation in allocations { allocation.deallocate() }
        slots.deallocate()
        binds.deinitialize(count: max(count, 1))
        binds.deallocate()
    }

    private func bind(_ value: Value, into bind: inout MYSQL_BIND, slot: UnsafeMutableRawPointer) {
        switch value {
        case .null:
            bind.buffer_type = MYSQL_TYPE_NULL
        case .int(let number):
            bind.buffer_type = MYSQL_TYPE_LONGLONG
            bind.buffer = Self.store(number, in: slot)
            bind.buffer_length = 8
        case .double(let number):
            bind.buffer_type = MYSQL_TYPE_DOUBLE
            bind.buffer = Self.store(number, in: slot)
            bind.buffer_length = 8
        case .string(let text):
            bind.buffer_type = MYSQL_TYPE_STRING
            storeBytes(Array(text.utf8), into: &bind)
        case .bytes(let bytes):
            bind.buffer_type = MYSQL_TYPE_BLOB
            storeBytes(bytes, into: &bind)
        case .date(let date):
            bind.buffer_type = MYSQL_TYPE_DATETIME
            bind.buffer = Self.store(DateConversion.mysqlTime(from: date), in: slot)
            bind.buffer_length = UInt(MemoryLayout<MYSQL_TIME>.size)
        }
    }

    private static func store<T>(_ value: T, in slot: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        precondition(MemoryLayout<T>.size <= slotSize && MemoryLayout<T>.alignment <= 8, "value does not fit a slot")
        slot.initializeMemory(as: T.self, repeating: value, count: 1)
        return slot
    }

    private func storeBytes(_ bytes: [UInt8], into bind: inout MYSQL_BIND) {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { pointer.copyMemory(from: base, byteCount: source.count) }
        }
        allocations.append(pointer)
        bind.buffer = pointer
        bind.buffer_length = UInt(bytes.count)
        let length = UnsafeMutablePointer<UInt>.allocate(capacity: 1)
        length.initialize(to: UInt(bytes.count))
        allocations.append(UnsafeMutableRawPointer(length))
        bind.length = length
    }
}
