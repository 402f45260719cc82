import MariaDB
import Testing

/// `executeLater`: statements queued inside a transaction travel with its next statement or its commit.
@Suite("Queued statements")
struct QueuedStatementTests {
    private struct Abort: Error {}

    private func ids(_ connection: Connection, _ table: String) throws -> [Int] {
        try connection.query("SELECT id FROM \(unsafeRaw: table) ORDER BY id").map { try $0.decode("id", as: Int.self) }
    }

    @Test("A body that only queues statements costs one round trip: START TRANSACTION, the rows, COMMIT")
    func oneRoundTrip() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, label VARCHAR(20)") { table in
            let before = connection.statistics.executions
            try connection.transaction { tx in
                try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(1), \("一"))")
                try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(2), \(nil as String?))")
            }
            #expect(connection.statistics.executions - before == 1)
            #expect(!connection.isInTransaction)
            #expect(try ids(connection, table) == [1, 2])
            // A live connection (plain or TLS) never reads as closed: no transaction reconnects.
            for id in 3...5 {
                try connection.transaction { tx in try tx.executeLater("INSERT INTO \(unsafeRaw: table) (id) VALUES (\(id))") }
            }
            #expect(try ids(connection, table) == [1, 2, 3, 4, 5])
            #expect(connection.statistics.reconnects == 0)
            let label = try connection.queryFirst("SELECT label FROM \(unsafeRaw: table) WHERE id = \(1)")
            #expect(try label?.decode("label", as: String.self) == "一")
        }
    }

    @Test("Queued statements run before the transaction's next statement, in the order they were issued")
    func orderKept() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, n INT") { table in
            let seen = try connection.transaction { tx -> Int in
                try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(1), \(10))")
                try tx.executeLater("UPDATE \(unsafeRaw: table) SET n = n + \(5) WHERE id = \(1)")
                return try #require(try tx.queryFirst("SELECT n FROM \(unsafeRaw: table) WHERE id = \(1)"))
                    .decode("n", as: Int.self)
            }
            #expect(seen == 15)
        }
    }

    @Test("A failing queued statement is thrown at the commit and rolls back everything; the connection goes on")
    func failureAtCommitRollsBack() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY") { table in
            try connection.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(7))")
            #expect {
                try connection.transaction { tx in
                    try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(8))")
                    try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(7))")
                }
            } throws: { error in
                (error as? MariaDBError)?.code == 1062
            }
            #expect(!connection.isInTransaction)
            #expect(try ids(connection, table) == [7])
            try connection.transaction { tx in try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(9))") }
            #expect(try ids(connection, table) == [7, 9])
        }
    }

    @Test("A body that throws after queueing sends nothing and writes nothing")
    func thrownBodySendsNothing() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY") { table in
            let before = connection.statistics.executions
            #expect(throws: Abort.self) {
                try connection.transaction { tx in
                    try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(1))")
                    throw Abort()
                }
            }
            #expect(connection.statistics.executions == before)
            let written = try ids(connection, table)
            #expect(written.isEmpty)
        }
    }

    @Test("More statements than the queue holds are sent early; all commit together")
    func longQueue() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY") { table in
            let count = 40
            try connection.transaction { tx in
                for id in 1...count { try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(id))") }
            }
            #expect(try ids(connection, table) == Array(1...count))
            #expect(throws: Abort.self) {
                try connection.transaction { tx in
                    for id in 100..<(100 + count) { try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(id))") }
                    _ = try tx.query("SELECT 1")
                    throw Abort()
                }
            }
            #expect(try ids(connection, table) == Array(1...count))
        }
    }

    @Test("Outside a transaction a queued statement runs at once")
    func outsideTransaction() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY") { table in
            try connection.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(3))")
            let other = try TestServer.connect()
            #expect(try ids(other, table) == [3])
        }
    }

    @Test("A connection the server closed while idle is replaced before a transaction's single round trip")
    func closedIdleConnectionIsReplaced() throws {
        let connection = try TestServer.connect()
        let killer = try TestServer.connect()
        try TestServer.withTable(killer, columns: "id INT PRIMARY KEY") { table in
            let oldID = try #require(try connection.queryFirst("SELECT CONNECTION_ID() AS id")).decode("id", as: Int64.self)
            try killer.execute("KILL \(oldID)")
            try connection.transaction { tx in try tx.executeLater("INSERT INTO \(unsafeRaw: table) VALUES (\(1))") }
            #expect(connection.statistics.reconnects == 1)
            #expect(try ids(killer, table) == [1])
            // The same with a body whose first round trip is a read (START TRANSACTION alone).
            try killer.execute("KILL \(Int64(connection.connectionID))")
            let count = try connection.transaction { tx in
                try #require(try tx.queryFirst("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")).decode("n", as: Int.self)
            }
            #expect(count == 1)
            #expect(connection.statistics.reconnects == 2)
        }
    }
}
