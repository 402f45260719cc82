import ArgumentParser
@testable import deskd
import Testing

@Suite("deskd org and token commands")
struct TenantCommandTests {
    @Test("org create needs a region, a portal, a name and an admin email")
    func orgCreate() throws {
        let command = try #require(try Deskd.parseAsRoot([
            "org", "create", "--region", "eu", "--portal", "acme", "--name", "Acme", "--admin-email", "a@acme.example",
        ]) as? OrgCreateCommand)
        #expect(command.region == "eu")
        #expect(command.portal == "acme")
        #expect(command.adminEmail == "a@acme.example")
        #expect(throws: (any Error).self) { try Deskd.parseAsRoot(["org", "create", "--region", "eu", "--portal", "acme"]) }
    }

    @Test("token create defaults to a one-hour lifetime and takes --ttl")
    func tokenCreate() throws {
        let plain = try #require(try Deskd.parseAsRoot([
            "token", "create", "--region", "eu", "--portal", "demo", "--agent", "admin@demo.example",
        ]) as? TokenCreateCommand)
        #expect(plain.ttl.duration == .seconds(3600))
        let week = try #require(try Deskd.parseAsRoot([
            "token", "create", "--region", "eu", "--portal", "demo", "--agent", "a@b.example", "--ttl", "7d",
        ]) as? TokenCreateCommand)
        #expect(week.ttl.duration == .seconds(7 * 86_400))
        #expect(throws: (any Error).self) {
            try Deskd.parseAsRoot(["token", "create", "--region", "eu", "--portal", "d", "--agent", "a", "--ttl", "soon"])
        }
    }

    @Test("Lifetimes parse with their unit", arguments: [
        ("90s", Duration.seconds(90)), ("30m", .seconds(1800)), ("1h", .seconds(3600)), ("2d", .seconds(172_800)),
    ])
    func lifetimes(text: String, expected: Duration) {
        #expect(TimeToLive(argument: text)?.duration == expected)
    }

    @Test("Malformed lifetimes are refused", arguments: ["", "h", "0h", "-1h", "1w", "1.5h", "12"])
    func badLifetimes(text: String) {
        #expect(TimeToLive(argument: text) == nil)
    }
}
