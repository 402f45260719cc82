/// Where and how to connect to a MariaDB server.
///
/// `description` never shows the password.
public struct ConnectionOptions: Sendable, Equatable, CustomStringConvertible {
    /// Server host name or IP address; default "localhost".
    public var host: String
    /// TCP port; default 3306.
    public var port: Int
    /// Path of the server's unix socket; when set, used instead of host and port.
    public var unixSocket: String?
    /// The user name.
    public var user: String
    /// The password, if any.
    public var password: String?
    /// The default database, if any.
    public var database: String?
    /// TLS settings; nil = no TLS.
    public var tls: TLSOptions?
    /// Seconds to wait for the connection to be made; default 3.
    public var connectTimeoutSeconds: Int
    /// Seconds to wait for each read from the server; default 30.
    public var readTimeoutSeconds: Int
    /// Seconds to wait for each write to the server; default 30.
    public var writeTimeoutSeconds: Int

    /// Creates options from their parts.
    public init(
        host: String = "localhost", port: Int = 3306, unixSocket: String? = nil,
        user: String, password: String? = nil, database: String? = nil, tls: TLSOptions? = nil,
        connectTimeoutSeconds: Int = 3, readTimeoutSeconds: Int = 30, writeTimeoutSeconds: Int = 30
    ) {
        self.host = host
        self.port = port
        self.unixSocket = unixSocket
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
        self.writeTimeoutSeconds = writeTimeoutSeconds
    }

    /// Parses a DSN:
    /// `mariadb://user[:password]@host[:port]/database?socket=/path&ssl-ca=/path&ssl-verify=true&connect-timeout=3`.
    ///
    /// - User, password and database are percent-decoded (`%40` for `@`, `%3F` for `?`).
    /// - `host` may be a name, an IPv4 address or a bracketed IPv6 address; empty means "localhost".
    /// - `socket=/path` (host `localhost`) connects over that unix socket.
    /// - TLS is on when any of `ssl=true`, `ssl-ca=/path` or `ssl-verify=…` is given; `ssl-verify`
    ///   defaults to `true`.
    /// - `connect-timeout`, `read-timeout`, `write-timeout` are whole seconds (≥ 1).
    /// - `mysql://` is accepted as a synonym of `mariadb://`.
    ///
    /// - Throws: ``DSNError`` naming the problem.
    public init(dsn: String) throws {
        self = try DSNParser.parse(dsn)
    }

    public var description: String {
        var text = "mariadb://\(user)\(password == nil ? "" : ":***")@"
        if let unixSocket {
            text += "localhost/\(database ?? "")?socket=\(unixSocket)"
        } else {
            text += "\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database ?? "")"
        }
        if let tls {
            text += (unixSocket == nil ? "?" : "&") + "ssl-verify=\(tls.verifyServerCertificate)"
            if let ca = tls.caFile { text += "&ssl-ca=\(ca)" }
        }
        return text
    }
}
