import CMariaDB

/// An error reported by MariaDB Connector/C or the server.
///
/// It carries the error code, the SQL state, the server's message and the SQL text of the statement
/// (with `?` placeholders) — never the bound values, so it can be logged without leaking user data.
public struct MariaDBError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The MariaDB error number, e.g. 1213 for a deadlock or 2013 for a lost connection.
    public let code: UInt32
    /// The five-character SQL state, e.g. "40001".
    public let sqlState: String
    /// The message from the server or the client library.
    public let message: String
    /// The SQL text (with placeholders) of the statement that failed, when there is one.
    public let sql: String?

    /// Creates an error from its parts.
    public init(code: UInt32, sqlState: String, message: String, sql: String?) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    /// The transaction was chosen as a deadlock victim (1213, `ER_LOCK_DEADLOCK`).
    public var isDeadlock: Bool { code == 1213 }

    /// A lock wait timed out (1205, `ER_LOCK_WAIT_TIMEOUT`).
    public var isLockWaitTimeout: Bool { code == 1205 }

    /// The transaction can be retried as a whole: a deadlock or a lock wait timeout.
    public var isTransient: Bool { isDeadlock || isLockWaitTimeout }

    /// The connection to the server is gone or could not be made
    /// (2006 server gone away, 2013 lost during query, 2002/2003 cannot connect, 2055 lost at a stage,
    /// 2026 TLS error — which is how a dropped TLS link reports itself).
    public var isConnectionLost: Bool {
        switch code {
        case 2002, 2003, 2006, 2013, 2026, 2055: true
        default: false
        }
    }

    /// Codes after which an established connection is reconnected and the statement retried once
    /// (outside a transaction): the link broke (2006, 2013, 2055, or 2026 on a TLS link).
    var allowsReconnect: Bool {
        switch code {
        case 2006, 2013, 2026, 2055: true
        default: false
        }
    }

    public var description: String {
        var text = "MariaDB error \(code) (\(sqlState)): \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }

    /// The last error of a connection handle.
    static func from(_ mysql: UnsafeMutablePointer<MYSQL>, sql: String?) -> MariaDBError {
        MariaDBError(
            code: mysql_errno(mysql),
            sqlState: String(cString: mysql_sqlstate(mysql)),
            message: String(cString: mysql_error(mysql)),
            sql: sql)
    }

    /// The last error of a prepared statement handle.
    static func from(statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String?) -> MariaDBError {
        MariaDBError(
            code: mysql_stmt_errno(statement),
            sqlState: String(cString: mysql_stmt_sqlstate(statement)),
            message: String(cString: mysql_stmt_error(statement)),
            sql: sql)
    }

    /// An error raised by this library rather than the server.
    static func client(_ message: String, sql: String? = nil) -> MariaDBError {
        MariaDBError(code: 2000, sqlState: "HY000", message: message, sql: sql)
    }
}
