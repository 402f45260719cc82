/// TLS settings for the link to MariaDB.
public struct TLSOptions: Sendable, Equatable {
    /// A PEM file of CA certificates (`MYSQL_OPT_SSL_CA`). When set, Connector/C always verifies that
    /// the server's certificate chains to it, whatever ``verifyServerCertificate`` says.
    public var caFile: String?
    /// Verify the server certificate, including that it names the host connected to
    /// (`MYSQL_OPT_SSL_VERIFY_SERVER_CERT`). `false` without a ``caFile`` encrypts without authenticating
    /// the server — for development only.
    public var verifyServerCertificate: Bool

    /// Creates TLS settings; verification is on by default.
    public init(caFile: String? = nil, verifyServerCertificate: Bool = true) {
        self.caFile = caFile
        self.verifyServerCertificate = verifyServerCertificate
    }
}
