import MariaDB
import Testing

@Suite("Lost connections")
struct ReconnectTests {
    private func connectionID(_ connection: Connection) throws -> Int64 {
        try #require(try connection.queryFirst("SELECT CONNECTION_ID() AS id")).decode("id")
    }

    @Test func lostConnectionOutsideTransactionReconnects() throws {
        let connection = try TestServer.connect()
        let killer = try TestServer.connect()
        let oldID = try connectionID(connection)
        #expect(UInt64(oldID) == connection.connectionID)
        try killer.execute("KILL \(oldID)")

        let row = try #require(try connection.queryFirst("SELECT 1 + \(1) AS two"))
        #expect(try row.decode("two", as: Int.self) == 2)
        #expect(connection.statistics.reconnects == 1)
        #expect(try connectionID(connection) != oldID)
        // The new session is set up like the first: UTC and utf8mb4.
        let session = try #require(try connection.queryFirst(
            "SELECT @@session.time_zone AS tz, @@session.character_set_client AS cs"))
        #expect(try session.decode("tz", as: String.self) == "+00:00")
        #expect(try session.decode("cs", as: String.self) == "utf8mb4")
    }

    @Test func lostConnectionInsideTransactionIsThrown() throws {
        let connection = try TestServer.connect()
        let killer = try TestServer.connect()
        #expect {
            try connection.transaction { tx in
                let id = try connectionID(tx)
                try killer.execute("KILL \(id)")
                _ = try tx.query("SELECT 1")
            }
        } throws: { error in
            (error as? MariaDBError)?.isConnectionLost == true
        }
        #expect(connection.statistics.reconnects == 0)
        #expect(!connection.isInTransaction)
        // Outside the transaction the next statement reconnects.
        #expect(try connection.queryFirst("SELECT 1 AS one")?.decode("one", as: Int.self) == 1)
        #expect(connection.statistics.reconnects == 1)
    }

    @Test func pingReconnectsAfterTheServerDroppedUs() throws {
        let connection = try TestServer.connect()
        let killer = try TestServer.connect()
        try connection.ping()
        try killer.execute("KILL \(try connectionID(connection))")
        try connection.ping()
        #expect(connection.statistics.reconnects == 1)
    }

    @Test func unreachableServerThrowsConnectionError() throws {
        let options = ConnectionOptions(host: "127.0.0.1", port: 1, user: "nobody", connectTimeoutSeconds: 2)
        #expect {
            _ = try Connection(options: options)
        } throws: { error in
            (error as? MariaDBError)?.isConnectionLost == true
        }
    }

    @Test func wrongPasswordIsRejectedWithoutEchoingIt() throws {
        var options = try TestServer.options()
        options.password = "wrong-password-\(UInt32.random(in: 0...UInt32.max))"
        do {
            _ = try Connection(options: options)
            Issue.record("login with a wrong password succeeded")
        } catch let error as MariaDBError {
            #expect(error.code == 1045)
            #expect(!error.description.contains(options.password!))
        }
    }

    @Test func closedConnectionThrows() throws {
        let connection = try TestServer.connect()
        connection.close()
        #expect(throws: MariaDBError.self) { try connection.query("SELECT 1") }
        #expect(connection.statistics.reconnects == 0)
    }
}
