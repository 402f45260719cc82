/// TLS settings for the link to MariaDB.
public struct TLSOptions: Sendable, Equatable {
    /// A PEM file of CA certificates that the server's certificate must chain to; nil = the system's.
    public var caFile: String?
    /// Verify the server certificate and its host name (`MYSQL_OPT_SSL_VERIFY_SERVER_CERT`).
    public var verifyServerCertificate: Bool

    /// Creates TLS settings; verification is on by default.
    public init(caFile: String? = nil, verifyServerCertificate: Bool = true) {
        self.caFile = caFile
        self.verifyServerCertificate = verifyServerCertificate
    }
}
