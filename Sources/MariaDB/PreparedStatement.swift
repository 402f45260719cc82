import CMariaDB
#if canImport(Glibc)
import Glibc
#endif

/// What one execution of a statement produced.
struct StatementOutcome {
    /// The rows of the result set (empty when the statement has none).
    var rows: [Row]
    /// Affected rows and insert id (for statements without a result set).
    var result: ExecutionResult
}

/// A server-side prepared statement (`MYSQL_STMT`) of one connection.
///
/// Parameters are bound with `MYSQL_BIND`; results are stored client-side with
/// `STMT_ATTR_UPDATE_MAX_LENGTH` so each variable-length column gets a buffer large enough for its
/// longest value in the result (a multi-megabyte `LONGBLOB` included).
final class PreparedStatement {
    let sql: String
    private let handle: UnsafeMutablePointer<MYSQL_STMT>
    private let parameterCount: Int

    /// Prepares `sql` on `mysql`.
    init(sql: String, mysql: UnsafeMutablePointer<MYSQL>) throws {
        guard let handle = mysql_stmt_init(mysql) else {
            throw MariaDBError.from(mysql, sql: sql)
        }
        var utf8 = Array(sql.utf8)
        let failed = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                mysql_stmt_prepare(handle, $0, UInt(buffer.count)) != 0
            }
        }
        if failed {
            let error = MariaDBError.from(statement: handle, sql: sql)
            mysql_stmt_close(handle)
            throw error
        }
        var updateMaxLength: my_bool = 1
        mysql_stmt_attr_set(handle, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
        self.sql = sql
        self.handle = handle
        self.parameterCount = Int(mysql_stmt_param_count(handle))
    }

    /// Frees the statement (on the server too, while the connection is open).
    func close() {
        mysql_stmt_close(handle)
    }

    /// Binds `values`, executes, and reads the whole result set.
    func execute(_ values: [Value]) throws -> StatementOutcome {
        guard values.count == parameterCount else {
            throw MariaDBError.client(
                "statement has \(parameterCount) placeholders but \(values.count) values were bound", sql: sql)
        }
        let parameters: ParameterBuffers
        if let bound = boundParameters, bound.rewrite(values) {
            parameters = bound
        } else {
            boundParameters = nil
            parameters = ParameterBuffers(values)
            if parameterCount > 0, mysql_stmt_bind_param(handle, parameters.binds) != 0 {
                throw MariaDBError.from(statement: handle, sql: sql)
            }
            if parameters.isFixedSize { boundParameters = parameters }
        }
        try withExtendedLifetime(parameters) {
            if mysql_stmt_execute(handle) != 0 {
                throw MariaDBError.from(statement: handle, sql: sql)
            }
        }
        defer { mysql_stmt_free_result(handle) }
        let result = ExecutionResult(affectedRows: mysql_stmt_affected_rows(handle),
                                     lastInsertID: mysql_stmt_insert_id(handle))
        guard mysql_stmt_field_count(handle) > 0 else {
            return StatementOutcome(rows: [], result: result)
        }
        do {
            return StatementOutcome(rows: try fetchRows(), result: result)
        } catch let error as MariaDBError {
            throw ResultReadFailure(error: error)
        }
    }

    /// The parameter buffers bound last, kept while they hold integers, doubles and times only: the next
    /// execution with values of the same kinds writes them into these buffers and binds nothing
    /// (``ParameterBuffers/rewrite(_:)``), as most statements (lookups by id) do on every call.
    private var boundParameters: ParameterBuffers?

    /// The column names of the last result, reused while the server sends the same ones (they only change
    /// when the schema does), so each execution does not build the name index again.
    private var lastColumns: ResultColumns?

    private func resultColumns(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int) -> ResultColumns {
        if let last = lastColumns, last.names.count == count,
           (0..<count).allSatisfy({ index in last.names[index].withCString { strcmp($0, fields[index].name) == 0 } }) {
            return last
        }
        let columns = ResultColumns((0..<count).map { String(cString: fields[$0].name) })
        lastColumns = columns
        return columns
    }

    /// The fetch buffers of the last result, reused while the columns keep their kinds (they only change
    /// when the schema does), so each execution does not allocate a buffer per column again.
    private var lastBuffers: ResultBuffers?

    private func resultBuffers(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int) -> ResultBuffers {
        if let last = lastBuffers, last.refit(fields: fields, count: count) { return last }
        let buffers = ResultBuffers(fields: fields, count: count)
        lastBuffers = buffers
        return buffers
    }

    private func fetchRows() throws -> [Row] {
        if mysql_stmt_store_result(handle) != 0 {
            throw MariaDBError.from(statement: handle, sql: sql)
        }
        guard let metadata = mysql_stmt_result_metadata(handle) else {
            throw MariaDBError.from(statement: handle, sql: sql)
        }
        defer { mysql_free_result(metadata) }
        let count = Int(mysql_num_fields(metadata))
        guard let fields = mysql_fetch_fields(metadata) else {
            throw MariaDBError.client("result has no field metadata", sql: sql)
        }
        let columns = resultColumns(fields: fields, count: count)
        let buffers = resultBuffers(fields: fields, count: count)
        return try withExtendedLifetime(buffers) {
            if mysql_stmt_bind_result(handle, buffers.binds) != 0 {
                throw MariaDBError.from(statement: handle, sql: sql)
            }
            var rows: [Row] = []
            rows.reserveCapacity(Int(mysql_stmt_num_rows(handle)))
            while true {
                let status = mysql_stmt_fetch(handle)
                if status == MYSQL_NO_DATA { break }
                if status != 0 && status != MYSQL_DATA_TRUNCATED {
                    throw MariaDBError.from(statement: handle, sql: sql)
                }
                rows.append(Row(columns: columns, values: try buffers.currentRow(statement: handle, sql: sql)))
            }
            return rows
        }
    }
}

/// A statement failed while its result set was being read — for example InnoDB chose it as a deadlock
/// victim in the middle of a multi-row `SELECT … FOR UPDATE`. The client library's protocol state after
/// such a failure cannot be trusted (the next command was seen waiting for the read timeout), so the
/// connection drops its handle and reconnects on next use; the server has already rolled the
/// transaction back, so nothing is lost.
struct ResultReadFailure: Error {
    let error: MariaDBError
}

