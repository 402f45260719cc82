import CMariaDB

extension Connection {
    /// Runs a migration script over the text protocol, several statements separated by `;`.
    ///
    /// Only for trusted SQL files (migrations): nothing is bound. Multi-statement mode is switched on for
    /// the script and off again afterwards. A lost connection is re-established *before* the script
    /// starts (outside a transaction), never in the middle of it.
    ///
    /// - Throws: ``MariaDBError`` of the first failing statement; `sql` holds the start of the script.
    public func executeScript(_ text: String) throws {
        if isInTransaction { try sendQueued(commit: false) }
        try ping()
        let mysql = try liveHandle()
        if mysql_set_server_option(mysql, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0 {
            throw MariaDBError.from(mysql, sql: nil)
        }
        defer { mysql_set_server_option(mysql, MYSQL_OPTION_MULTI_STATEMENTS_OFF) }
        try Self.runText(text, on: mysql)
    }

    /// Runs a statement without parameters over the text protocol (transaction control, session set-up).
    func executeText(_ text: String) throws {
        try Self.runText(text, on: try liveHandle())
    }

    /// Sends `text` and drains every result it produces, throwing the first error.
    static func runText(_ text: String, on mysql: UnsafeMutablePointer<MYSQL>) throws {
        let reported = text.count > 1000 ? String(text.prefix(1000)) + "…" : text
        var utf8 = Array(text.utf8)
        let failed = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                mysql_real_query(mysql, $0, UInt(buffer.count)) != 0
            }
        }
        if failed { throw MariaDBError.from(mysql, sql: reported) }
        while true {
            if let result = mysql_store_result(mysql) {
                mysql_free_result(result)
            } else if mysql_field_count(mysql) != 0 {
                throw MariaDBError.from(mysql, sql: reported)
            }
            let next = mysql_next_result(mysql)
            if next == -1 { return }
            if next > 0 { throw MariaDBError.from(mysql, sql: reported) }
        }
    }
}
