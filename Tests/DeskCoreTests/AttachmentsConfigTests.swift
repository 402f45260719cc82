import DeskCore
import Testing

@Suite("Config: [attachments]")
struct AttachmentsConfigTests {
    static let regions = """
        [regions.eu]
        hosts = ["eu.desk.example"]
        dsn = "mariadb://deskd@127.0.0.1/desk_eu"
        """

    func load(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> DeskConfig {
        try ConfigLoader(environment: environment).parse(text, baseDirectory: "/etc/deskd")
    }

    @Test("max_bytes defaults to 20 MiB; the upload routes read that plus 1 MiB of multipart framing")
    func defaults() throws {
        let config = try load(Self.regions)
        #expect(config.attachments.maxBytes == 20_971_520)
        #expect(config.attachments.maxBodyBytes == 20_971_520 + 1_048_576)
    }

    @Test("The file and DESKD_ATTACHMENTS_MAX_BYTES set it; the environment wins")
    func values() throws {
        #expect(try load("[attachments]\nmax_bytes = 1000\n" + Self.regions).attachments.maxBytes == 1000)
        let config = try load("[attachments]\nmax_bytes = 1000\n" + Self.regions,
                              environment: ["DESKD_ATTACHMENTS_MAX_BYTES": "5000"])
        #expect(config.attachments.maxBytes == 5000)
    }

    @Test("Bad values name the key", arguments: [
        ("[attachments]\nmax_bytes = 0\n", [String: String]()),
        ("[attachments]\nmax_bytes = \"big\"\n", [:]),
        ("[attachments]\nmax_bytes = 4294967296\n", [:]),
        ("", ["DESKD_ATTACHMENTS_MAX_BYTES": "20m"]),
    ])
    func bad(text: String, environment: [String: String]) {
        do {
            _ = try load(text + Self.regions, environment: environment)
            Issue.record("accepted: \(text) \(environment)")
        } catch {
            #expect(error.key == "attachments.max_bytes")
        }
    }
}
