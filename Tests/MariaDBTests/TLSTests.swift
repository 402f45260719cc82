import MariaDB
import Testing

@Suite("TLS")
struct TLSTests {
    /// The session is encrypted exactly when the DSN asks for TLS (`ssl-ca=`, `ssl-verify=`, `ssl=true`).
    @Test func sessionEncryptionFollowsTheDSN() throws {
        let options = try TestServer.options()
        let connection = try Connection(options: options)
        let row = try #require(try connection.queryFirst("SHOW SESSION STATUS LIKE 'Ssl_cipher'"))
        let cipher = try row.decode("Value", as: String.self)
        #expect(cipher.isEmpty == (options.tls == nil), "Ssl_cipher is \"\(cipher)\"")
    }
}
