import MariaDB
import Testing

@Suite("DSN parsing (no server)")
struct DSNParsingTests {
    @Test func fullTCPDSN() throws {
        let options = try ConnectionOptions(dsn: "mariadb://deskd:secret@127.0.0.1:33061/desk_eu")
        #expect(options.user == "deskd")
        #expect(options.password == "secret")
        #expect(options.host == "127.0.0.1")
        #expect(options.port == 33061)
        #expect(options.database == "desk_eu")
        #expect(options.unixSocket == nil)
        #expect(options.tls == nil)
        #expect(options.connectTimeoutSeconds == 3)
        #expect(options.readTimeoutSeconds == 30)
        #expect(options.writeTimeoutSeconds == 30)
    }

    @Test func unixSocketDSN() throws {
        let options = try ConnectionOptions(dsn: "mariadb://deskd@localhost/desk_us?socket=/run/x/mysqld.sock")
        #expect(options.user == "deskd")
        #expect(options.password == nil)
        #expect(options.host == "localhost")
        #expect(options.port == 3306)
        #expect(options.unixSocket == "/run/x/mysqld.sock")
        #expect(options.database == "desk_us")
    }

    @Test func defaultsAndEmptyHost() throws {
        let options = try ConnectionOptions(dsn: "mariadb://root@/")
        #expect(options.host == "localhost")
        #expect(options.port == 3306)
        #expect(options.database == nil)
        #expect(try ConnectionOptions(dsn: "mysql://root@db.internal").host == "db.internal")
    }

    @Test func percentDecodingOfUserPasswordAndDatabase() throws {
        let options = try ConnectionOptions(dsn: "mariadb://d%40sk:p%40ss%3Aw%2Frd%3F%F0%9F%94%91@h:1/my%2Ddb")
        #expect(options.user == "d@sk")
        #expect(options.password == "p@ss:w/rd?🔑")
        #expect(options.database == "my-db")
        // Unencoded "@" and "/" in the password still parse: the user info ends at the last "@".
        let loose = try ConnectionOptions(dsn: "mariadb://u:a@b/c@host/db")
        #expect(loose.password == "a@b/c")
        #expect(loose.host == "host")
        #expect(loose.database == "db")
    }

    @Test func ipv6Host() throws {
        let options = try ConnectionOptions(dsn: "mariadb://u@[::1]:3307/db")
        #expect(options.host == "::1")
        #expect(options.port == 3307)
    }

    @Test func tlsAndTimeoutParameters() throws {
        let options = try ConnectionOptions(
            dsn: "mariadb://u@h/db?ssl-ca=/etc/ca.pem&ssl-verify=false&connect-timeout=5&read-timeout=7&write-timeout=9")
        #expect(options.tls == TLSOptions(caFile: "/etc/ca.pem", verifyServerCertificate: false))
        #expect(options.connectTimeoutSeconds == 5)
        #expect(options.readTimeoutSeconds == 7)
        #expect(options.writeTimeoutSeconds == 9)
        #expect(try ConnectionOptions(dsn: "mariadb://u@h/db?ssl-ca=/ca.pem").tls
                    == TLSOptions(caFile: "/ca.pem", verifyServerCertificate: true))
        #expect(try ConnectionOptions(dsn: "mariadb://u@h/db?ssl=true").tls
                    == TLSOptions(caFile: nil, verifyServerCertificate: true))
        #expect(try ConnectionOptions(dsn: "mariadb://u@h/db?ssl=false").tls == nil)
    }

    @Test(arguments: [
        ("", DSNError.empty),
        ("   ", DSNError.empty),
        ("postgres://u@h/db", DSNError.unsupportedScheme("postgres")),
        ("u@h/db", DSNError.unsupportedScheme("u@h/db")),
        ("mariadb://h/db", DSNError.missingUser),
        ("mariadb://:pw@h/db", DSNError.missingUser),
        ("mariadb://u%zz@h/db", DSNError.invalidPercentEncoding(component: "user")),
        ("mariadb://u:p%4@h/db", DSNError.invalidPercentEncoding(component: "password")),
        ("mariadb://u@h:0/db", DSNError.invalidPort("0")),
        ("mariadb://u@h:65536/db", DSNError.invalidPort("65536")),
        ("mariadb://u@h:abc/db", DSNError.invalidPort("abc")),
        ("mariadb://u@h:/db", DSNError.invalidPort("")),
        ("mariadb://u@bad host/db", DSNError.invalidHost("bad host")),
        ("mariadb://u@[::1/db", DSNError.invalidHost("[::1")),
        ("mariadb://u@h/a/b", DSNError.invalidDatabase("a/b")),
        ("mariadb://u@h/db?sockett=/x", DSNError.unknownParameter("sockett")),
        ("mariadb://u@h/db?ssl=1&ssl=0", DSNError.duplicateParameter("ssl")),
        ("mariadb://u@h/db?connect-timeout=0", DSNError.invalidParameterValue(name: "connect-timeout", value: "0")),
        ("mariadb://u@h/db?read-timeout=x", DSNError.invalidParameterValue(name: "read-timeout", value: "x")),
        ("mariadb://u@h/db?ssl-verify=maybe", DSNError.invalidParameterValue(name: "ssl-verify", value: "maybe")),
        ("mariadb://u@h/db?socket=relative.sock", DSNError.invalidParameterValue(name: "socket", value: "relative.sock")),
        ("mariadb://u@h/db?ssl=false&ssl-ca=/ca.pem", DSNError.invalidParameterValue(name: "ssl", value: "false")),
        ("mariadb://u@db.example/db?socket=/x.sock", DSNError.socketWithRemoteHost("db.example")),
    ])
    func rejectsBadDSN(dsn: String, expected: DSNError) {
        #expect(throws: expected) { try ConnectionOptions(dsn: dsn) }
    }

    @Test func errorsAndDescriptionNeverShowThePassword() throws {
        let options = try ConnectionOptions(dsn: "mariadb://u:TopSecret1@h:1/db")
        #expect(!options.description.contains("TopSecret1"))
        #expect(options.description.contains("***"))
        do {
            _ = try ConnectionOptions(dsn: "mariadb://u:TopSecret%zz@h/db")
            Issue.record("expected a DSNError")
        } catch {
            #expect(!"\(error)".contains("TopSecret"))
        }
    }
}
