import ArgumentParser
import DeskCore
@testable import deskd
import Testing

@Suite("deskd routes")
struct RoutesCommandTests {
    static func config(diagnostics: Bool) throws -> DeskConfig {
        try ConfigLoader(environment: [:]).parse("""
            [server]
            socket = "run/deskd.sock"
            diagnostics = \(diagnostics)

            [database]
            migrations = "/srv/deskd/sql"

            [regions.us]
            hosts = ["us.desk.example"]
            dsn = "mariadb://deskd:secret@127.0.0.1:3307/desk_us"
            """, baseDirectory: "/etc/deskd")
    }

    @Test("routes parses with the global options only")
    func parses() throws {
        let command = try #require(try Deskd.parseAsRoot(["routes", "--config", "/c.toml"]) as? RoutesCommand)
        #expect(command.global.config == "/c.toml")
        #expect(throws: (any Error).self) { try Deskd.parseAsRoot(["routes", "--region", "us"]) }
    }

    @Test("deskd's help lists routes; its own help says what a line is")
    func help() {
        #expect(Deskd.helpMessage().contains("routes"))
        #expect(RoutesCommand.helpMessage().contains("METHOD PATTERN"))
        #expect(RoutesCommand.helpMessage().contains("--config"))
    }

    @Test("The production router's routes, one METHOD PATTERN per line, sorted and unique")
    func listsProductionRoutes() throws {
        let lines = RoutesCommand.lines(config: try Self.config(diagnostics: false))
        for expected in ["GET /livez", "GET /api/v1/tickets", "POST /api/v1/tickets", "GET /api/v1/tickets/{id}",
                         "PATCH /api/v1/tickets/{id}", "DELETE /api/v1/tickets/{id}/comments/{commentId}",
                         "GET /api/v1/tickets/{id}/attachments/{attachmentId}/content", "POST /oauth/v2/token"] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(Set(lines).count == lines.count)
        for line in lines {
            let parts = line.split(separator: " ")
            #expect(parts.count == 2 && parts[1].hasPrefix("/"), "not METHOD PATTERN: \(line)")
        }
        let patterns = lines.map { $0.split(separator: " ")[1] }
        #expect(patterns == patterns.sorted())
        #expect(!lines.contains { $0.contains("/_diag/") })
    }

    @Test("Diagnostics routes are listed only when the config enables them")
    func diagnosticsFollowTheConfig() throws {
        let plain = RoutesCommand.lines(config: try Self.config(diagnostics: false))
        let withDiagnostics = RoutesCommand.lines(config: try Self.config(diagnostics: true))
        #expect(withDiagnostics.contains("GET /_diag/sleep"))
        #expect(Set(withDiagnostics).subtracting(plain) == ["GET /_diag/sleep"])
    }
}
