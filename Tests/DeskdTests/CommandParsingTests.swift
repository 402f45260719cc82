import ArgumentParser
@testable import deskd
import Testing

@Suite("deskd command line")
struct CommandParsingTests {
    @Test("db migrate takes exactly one of --region and --all")
    func migrateSelection() throws {
        let byRegion = try Deskd.parseAsRoot(["db", "migrate", "--region", "eu", "--config", "/c.toml"])
        #expect((byRegion as? DBMigrateCommand)?.region == "eu")
        let all = try Deskd.parseAsRoot(["db", "migrate", "--all"])
        #expect((all as? DBMigrateCommand)?.all == true)
        #expect(throws: (any Error).self) { try Deskd.parseAsRoot(["db", "migrate"]) }
        #expect(throws: (any Error).self) { try Deskd.parseAsRoot(["db", "migrate", "--all", "--region", "us"]) }
    }

    @Test("Unknown subcommands and options are rejected")
    func rejectsUnknown() {
        #expect(throws: (any Error).self) { try Deskd.parseAsRoot(["launch"]) }
        #expect(throws: (any Error).self) { try Deskd.parseAsRoot(["serve", "--port", "80"]) }
    }

    @Test("--config wins over DESKD_CONFIG, which is used when --config is absent")
    func configPath() throws {
        let explicit = try #require(try Deskd.parseAsRoot(["config", "check", "--config", "/a.toml"]) as? ConfigCheckCommand)
        #expect(try explicit.global.configPath(environment: ["DESKD_CONFIG": "/b.toml"]) == "/a.toml")
        let implicit = try #require(try Deskd.parseAsRoot(["config", "check"]) as? ConfigCheckCommand)
        #expect(try implicit.global.configPath(environment: ["DESKD_CONFIG": "/b.toml"]) == "/b.toml")
        #expect(throws: (any Error).self) { try implicit.global.configPath(environment: [:]) }
    }

    @Test("The help text lists every subcommand")
    func help() {
        let help = Deskd.helpMessage()
        for name in ["serve", "db", "config"] {
            #expect(help.contains(name))
        }
        #expect(DBCommand.helpMessage().contains("migrate"))
        #expect(DBCommand.helpMessage().contains("status"))
    }
}
