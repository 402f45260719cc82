import CMariaDB

/// How a result column is fetched and which ``Value`` case it becomes.
enum ColumnKind: Equatable {
    /// Any integer type, fetched as a 64-bit integer.
    case integer(unsigned: Bool)
    /// `FLOAT` / `DOUBLE`, fetched as a double.
    case double
    /// `DATE` / `DATETIME` / `TIMESTAMP`, fetched as `MYSQL_TIME`.
    case dateTime
    /// Text (including `DECIMAL` and `TIME`), fetched as bytes and read as UTF-8.
    case text
    /// Binary data (`BLOB`, `VARBINARY`, `BIT`, ...), fetched as bytes.
    case binary

    private static let binaryCharset: UInt32 = 63

    init(field: MYSQL_FIELD) {
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_INT24, MYSQL_TYPE_LONGLONG,
             MYSQL_TYPE_YEAR:
            self = .integer(unsigned: field.flags & UInt32(UNSIGNED_FLAG) != 0)
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            self = .double
        case MYSQL_TYPE_DATE, MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_NEWDATE:
            self = .dateTime
        case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL, MYSQL_TYPE_TIME, MYSQL_TYPE_NULL:
            self = .text
        case MYSQL_TYPE_BIT, MYSQL_TYPE_GEOMETRY:
            self = .binary
        default:
            self = field.charsetnr == Self.binaryCharset ? .binary : .text
        }
    }
}

/// The `MYSQL_BIND` array and buffers that receive one result set's rows.
///
/// Variable-length columns get a buffer of the column's `max_length` in this result (the statement has
/// `STMT_ATTR_UPDATE_MAX_LENGTH` set and the result is stored client-side); a value that still does not
/// fit is read again whole with `mysql_stmt_fetch_column`.
final class ResultBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    let kinds: [ColumnKind]
    private let count: Int
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private var buffers: [UnsafeMutableRawPointer] = []
    private var capacities: [Int] = []

    init(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int) {
        self.count = count
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        lengths = .allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        nulls = .allocate(capacity: max(count, 1))
        nulls.initialize(repeating: 0, count: max(count, 1))
        var kinds: [ColumnKind] = []
        for index in 0..<count {
            let field = fields[index]
            let kind = ColumnKind(field: field)
            kinds.append(kind)
            let capacity: Int
            switch kind {
            case .integer(let unsigned):
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].is_unsigned = unsigned ? 1 : 0
                capacity = 8
            case .double:
                binds[index].buffer_type = MYSQL_TYPE_DOUBLE
                capacity = 8
            case .dateTime:
                binds[index].buffer_type = MYSQL_TYPE_DATETIME
                capacity = MemoryLayout<MYSQL_TIME>.size
            case .text:
                binds[index].buffer_type = MYSQL_TYPE_STRING
                capacity = max(Int(field.max_length), 64)
            case .binary:
                binds[index].buffer_type = MYSQL_TYPE_BLOB
                capacity = max(Int(field.max_length), 64)
            }
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            buffers.append(buffer)
            capacities.append(capacity)
            binds[index].buffer = buffer
            binds[index].buffer_length = UInt(capacity)
            binds[index].length = lengths + index
            binds[index].is_null = nulls + index
        }
        self.kinds = kinds
    }

    /// The largest column buffer kept from one execution to the next; a bigger one is made for the
    /// result that needs it and replaced by a small one again on the next execution.
    static let keptCapacity = 64 * 1024

    /// Makes these buffers fit the next result of the same statement: true when its columns have the
    /// same kinds (then each text or binary buffer is grown, or shrunk back to the kept size, as its
    /// column's `max_length` needs); false when the columns differ and new buffers must be made.
    func refit(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int) -> Bool {
        guard count == self.count else { return false }
        for index in 0..<count where ColumnKind(field: fields[index]) != kinds[index] { return false }
        for index in 0..<count {
            switch kinds[index] {
            case .text, .binary:
                let needed = max(Int(fields[index].max_length), 64)
                let capacity = capacities[index]
                guard needed > capacity || (capacity > Self.keptCapacity && needed < capacity) else { continue }
                buffers[index].deallocate()
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: needed, alignment: 16)
                buffers[index] = buffer
                capacities[index] = needed
                binds[index].buffer = buffer
                binds[index].buffer_length = UInt(needed)
            case .integer, .double, .dateTime:
                continue
            }
        }
        return true
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
        binds.deinitialize(count: max(count, 1))
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
    }

    /// The values of the row just fetched into the buffers.
    func currentRow(statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            values.append(try value(at: index, statement: statement, sql: sql))
        }
        return values
    }

    private func value(at index: Int, statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String) throws -> Value {
        if nulls[index] != 0 { return .null }
        let buffer = buffers[index]
        switch kinds[index] {
        case .integer(let unsigned):
            let raw = buffer.load(as: Int64.self)
            if unsigned && raw < 0 { return .string(String(UInt64(bitPattern: raw))) }
            return .int(raw)
        case .double:
            return .double(buffer.load(as: Double.self))
        case .dateTime:
            return DateConversion.date(from: buffer.load(as: MYSQL_TIME.self)).map(Value.date) ?? .null
        case .text:
            let length = Int(lengths[index])
            if length <= capacities[index] {
                // Straight from the fetch buffer: one copy instead of two.
                return .string(String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self))
            }
            return .string(String(decoding: try bytes(at: index, statement: statement, sql: sql), as: UTF8.self))
        case .binary:
            return .bytes(try bytes(at: index, statement: statement, sql: sql))
        }
    }

    private func bytes(at index: Int, statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String) throws -> [UInt8] {
        let length = Int(lengths[index])
        if length <= capacities[index] {
            return Array(UnsafeRawBufferPointer(start: buffers[index], count: length))
        }
        // Truncated: read the whole value into a buffer of its real length.
        return try [UInt8](unsafeUninitializedCapacity: length) { target, initialized in
            var bind = MYSQL_BIND()
            var fetchedLength: UInt = 0
            bind.buffer_type = binds[index].buffer_type
            bind.buffer = UnsafeMutableRawPointer(target.baseAddress)
            bind.buffer_length = UInt(length)
            try withUnsafeMutablePointer(to: &fetchedLength) { lengthPointer in
                bind.length = lengthPointer
                if mysql_stmt_fetch_column(statement, &bind, UInt32(index), 0) != 0 {
                    throw MariaDBError.from(statement: statement, sql: sql)
                }
            }
            initialized = min(length, Int(fetchedLength))
        }
    }
}
