import DeskCore
import Testing

@Suite("Config: [portal] and [mail]")
struct PortalConfigTests {
    static let regions = """
        [regions.eu]
        hosts = ["eu.desk.example"]
        dsn = "mariadb://deskd@127.0.0.1/desk_eu"
        """

    func load(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> DeskConfig {
        try ConfigLoader(environment: environment).parse(text + Self.regions, baseDirectory: "/etc/deskd")
    }

    @Test("Defaults: 30 min idle, 12 h absolute sessions; 5 / 20 failures in 15 min; sendmail")
    func defaults() throws {
        let config = try load("")
        #expect(config.portal.sessionIdleSeconds == 1800 && config.portal.sessionAbsoluteSeconds == 43_200)
        #expect(config.portal.signInAccountFailures == 5 && config.portal.signInAddressFailures == 20)
        #expect(config.portal.signInWindowSeconds == 900 && config.portal.minPasswordLength == 10)
        #expect(config.mail.sendmail == "/usr/sbin/sendmail" && config.mail.sinkDirectory.isEmpty && config.mail.deliver)
        #expect(config.mail.transport is SendmailTransport)
    }

    @Test("The file and the environment set them; relative paths resolve against the config's folder")
    func values() throws {
        let config = try load("""
            [portal]
            session_idle_seconds = 60
            session_absolute_seconds = 120
            signin_account_failures = 3
            [mail]
            sink_directory = "mail"
            from = "Acme <help@acme.example>"
            poll_seconds = 1

            """, environment: ["DESKD_PORTAL_SIGNIN_WINDOW_SECONDS": "30", "DESKD_MAIL_DELIVER": "false"])
        #expect(config.portal.sessionIdleSeconds == 60 && config.portal.sessionAbsoluteSeconds == 120)
        #expect(config.portal.signInAccountFailures == 3 && config.portal.signInWindowSeconds == 30)
        #expect(config.mail.sinkDirectory == "/etc/deskd/mail" && config.mail.from == "Acme <help@acme.example>")
        #expect(!config.mail.deliver && config.mail.pollSeconds == 1)
        #expect(config.mail.transport is FileSinkTransport)
    }

    @Test("Bad values and unknown keys name the key", arguments: [
        "[portal]\nsession_idle_seconds = 0\n", "[portal]\nmin_password_length = 4\n", "[portal]\nsesion_idle_seconds = 5\n",
        "[mail]\nbatch_size = \"ten\"\n", "[mail]\nmax_attempts = 0\n",
    ])
    func bad(text: String) {
        do {
            _ = try load(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.key?.hasPrefix("portal.") == true || error.key?.hasPrefix("mail.") == true, "\(error)")
        }
    }
}
