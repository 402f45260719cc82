import CMariaDB

extension Connection {
    /// Opens a handle: timeouts, utf8mb4, TLS, then `time_zone = '+00:00'` and autocommit on.
    static func open(_ options: ConnectionOptions) throws -> UnsafeMutablePointer<MYSQL> {
        guard let mysql = mysql_init(nil) else {
            throw MariaDBError.client("mysql_init failed: out of memory")
        }
        do {
            try configure(mysql, options)
            let connected = mysql_real_connect(
                mysql,
                options.unixSocket == nil ? options.host : "localhost",
                options.user,
                options.password,
                options.database,
                UInt32(options.port),
                options.unixSocket,
                0)
            if connected == nil { throw MariaDBError.from(mysql, sql: nil) }
            try runText("SET time_zone = '+00:00'", on: mysql)
            if mysql_autocommit(mysql, 1) != 0 { throw MariaDBError.from(mysql, sql: "SET autocommit = 1") }
            return mysql
        } catch {
            mysql_close(mysql)
            throw error
        }
    }

    private static func configure(_ mysql: UnsafeMutablePointer<MYSQL>, _ options: ConnectionOptions) throws {
        var connectTimeout = UInt32(clamping: options.connectTimeoutSeconds)
        var readTimeout = UInt32(clamping: options.readTimeoutSeconds)
        var writeTimeout = UInt32(clamping: options.writeTimeoutSeconds)
        // Without a socket path, "localhost" still means TCP: the DSN's port is honoured.
        var transport = options.unixSocket == nil ? MYSQL_PROTOCOL_TCP : MYSQL_PROTOCOL_SOCKET
        var status: Int32 = 0
        status |= mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        status |= mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
        status |= mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout)
        status |= mysql_options(mysql, MYSQL_OPT_PROTOCOL, &transport)
        status |= mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        if let tls = options.tls {
            var enforce: my_bool = 1
            var verify: my_bool = tls.verifyServerCertificate ? 1 : 0
            status |= mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &enforce)
            status |= mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify)
            if let ca = tls.caFile {
                status |= mysql_options(mysql, MYSQL_OPT_SSL_CA, ca)
            }
        }
        if status != 0 {
            throw MariaDBError.client("mysql_options rejected a connection option")
        }
    }
}
