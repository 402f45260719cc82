import DeskCore
import Testing

@Suite("ConfigLoader")
struct ConfigLoaderTests {
    static let valid = """
        [server]
        socket = "run/deskd.sock"
        workers = 8

        [database]
        migrations = "/srv/deskd/sql"

        [regions.us]
        hosts = ["us.desk.example", "US.help.example"]
        dsn = "mariadb://deskd:secret@127.0.0.1:3307/desk_us"

        [regions.eu]
        hosts = ["eu.desk.example"]
        dsn = "mariadb://deskd@localhost/desk_eu?socket=/run/mysqld/mysqld.sock"
        tls_ca = "ca.pem"
        """

    func load(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> DeskConfig {
        try ConfigLoader(environment: environment).parse(text, baseDirectory: "/etc/deskd")
    }

    func error(_ text: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(text, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test("A valid file gives typed values, defaults, lowercase hosts and resolved paths")
    func valid() throws {
        let config = try load(Self.valid)
        #expect(config.server.workers == 8)
        #expect(config.server.socket == "/etc/deskd/run/deskd.sock")
        #expect(config.server.maxBodyBytes == 25 * 1024 * 1024)
        #expect(config.database.migrations == "/srv/deskd/sql")
        #expect(config.activeRegions == [.us, .eu])
        #expect(config.regions[.us]?.hosts == ["us.desk.example", "us.help.example"])
        #expect(config.regions[.eu]?.tlsCA == "/etc/deskd/ca.pem")
        #expect(config.regions[.eu]?.connectionOptions.tls?.caFile == "/etc/deskd/ca.pem")
        #expect(config.regions[.us]?.connectionOptions.port == 3307)
        let directory = RegionDirectory(config: config)
        #expect(directory.region(forHost: "us.help.example") == .us)
        #expect(directory.region(forHost: "elsewhere.example") == nil)
    }

    @Test("Environment variables override single values")
    func environmentOverrides() throws {
        let config = try load(Self.valid, environment: [
            "DESKD_SERVER_WORKERS": "64",
            "DESKD_SERVER_DIAGNOSTICS": "true",
            "DESKD_REGIONS_EU_HOSTS": "eu.a.example, eu.b.example",
            "DESKD_REGIONS_US_DSN": "mariadb://other@db.internal:3310/desk_us",
            "DESKD_CONFIG": "/ignored/by/the/loader.toml",
            "DESKD_TEST_SOMETHING": "not a config key",
        ])
        #expect(config.server.workers == 64)
        #expect(config.server.diagnostics)
        #expect(config.regions[.eu]?.hosts == ["eu.a.example", "eu.b.example"])
        #expect(config.regions[.us]?.connectionOptions.host == "db.internal")
    }

    @Test("Each bad key is named", arguments: [
        ("[server]\nworkers = 0\n", "server.workers"),
        ("[server]\nworkers = \"many\"\n", "server.workers"),
        ("[server]\nwokers = 3\n", "server.wokers"),
        ("[log]\nlevel = \"loud\"\n", "log.level"),
        ("[regions.mars]\nhosts = [\"m\"]\ndsn = \"mariadb://a@b/c\"\n", "regions.mars"),
        ("[regions.eu]\nhosts = [\"e\"]\n", "regions.eu.dsn"),
        ("[regions.eu]\ndsn = \"mariadb://a@b/c\"\n", "regions.eu.hosts"),
        ("[regions.eu]\nhosts = [\"e:8443\"]\ndsn = \"mariadb://a@b/c\"\n", "regions.eu.hosts"),
        ("[regions.eu]\nhosts = [\"e\"]\ndsn = \"postgres://a@b/c\"\n", "regions.eu.dsn"),
        ("[regions.eu]\nhosts = [\"same\"]\ndsn = \"mariadb://a@b/c\"\n[regions.us]\nhosts = [\"same\"]\ndsn = \"mariadb://a@b/c\"\n", "regions.us.hosts"),
        ("[server]\nworkers = 4\n", "regions"),
    ])
    func badKeys(text: String, key: String) {
        #expect(error(text)?.key == key)
    }

    @Test("A bad environment value names its key")
    func badEnvironment() {
        #expect(error(Self.valid, environment: ["DESKD_SERVER_WORKERS": "lots"])?.key == "server.workers")
        #expect(error(Self.valid, environment: ["DESKD_SERVER_COLOUR": "red"])?.key == "server.colour")
    }

    @Test("Text that is not TOML is refused as a whole")
    func notTOML() {
        let problem = error("[server\nworkers = ")
        #expect(problem != nil)
        #expect(problem?.key == nil)
    }
}
