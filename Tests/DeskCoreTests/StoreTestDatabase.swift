import DeskCore
import Foundation
import MariaDB
import Testing

/// A fresh database with the project's migrations applied, for one test; dropped by `drop()`.
final class StoreTestDatabase {
    let options: ConnectionOptions
    let connection: Connection
    let ids = IDGenerator(region: .eu, node: 5)
    let numbers = TicketNumberAllocator(blockSize: 10)
    private let admin: Connection
    private let name: String

    init() throws {
        guard let dsn = ProcessInfo.processInfo.environment["DESKD_TEST_MARIADB_DSN"] else {
            Issue.record("DESKD_TEST_MARIADB_DSN is not set: run `make test`, which starts MariaDB and sets it")
            throw CancellationError()
        }
        var options = try ConnectionOptions(dsn: dsn)
        admin = try Connection(options: options)
        name = "desk_test_store_\(UInt32.random(in: 0...UInt32.max))"
        try admin.execute("CREATE DATABASE \(unsafeRaw: name)")   // allow-listed: generated name
        options.database = name
        self.options = options
        connection = try Connection(options: options)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let migrations = try MigrationDirectory.load(from: root.appendingPathComponent("sql").path)
        try Migrator(connection: connection, migrations: migrations).migrate()
    }

    /// A store over the test database (a new connection when `connection` is given).
    func store(_ connection: Connection? = nil) -> Store {
        Store(connection: connection ?? self.connection, ids: ids, ticketNumbers: numbers)
    }

    /// An org with its administrator, and an actor for that administrator.
    func org(_ portal: String = "acme") throws -> (Org, Agent, Actor) {
        let (org, agent) = try store().createOrg(portal: portal, name: "Acme", region: .eu,
                                                 adminEmail: "admin@\(portal).example", adminLastName: "Admin",
                                                 adminFirstName: nil)
        return (org, agent, Actor(orgID: org.id, agentID: agent.id, requestID: "req-\(portal)"))
    }

    func count(_ table: String, org: Int64) throws -> Int {
        try connection.queryFirst(
            "SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE org_id = \(org)")?.decode("n") ?? -1   // allow-listed: test table names
    }

    func drop() {
        connection.close()
        _ = try? admin.execute("DROP DATABASE \(unsafeRaw: name)")   // allow-listed: generated name
        admin.close()
    }
}
