import MariaDB
import Testing

@Suite("Prepared statement cache")
struct StatementCacheTests {
    @Test func sameSQLIsPreparedOnce() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, label VARCHAR(20)") { table in
            let before = connection.statistics
            for index in 0..<100 {
                try connection.execute("INSERT INTO \(unsafeRaw: table) (id, label) VALUES (\(index), \("row \(index)"))")
            }
            #expect(connection.statistics.prepares - before.prepares == 1)
            #expect(connection.statistics.executions - before.executions == 100)
            let count = try connection.queryFirst("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")
            #expect(try count?.decode("n", as: Int.self) == 100)
        }
    }

    @Test func leastRecentlyUsedStatementsAreEvicted() throws {
        let connection = try Connection(options: TestServer.options(), statementCacheCapacity: 2)
        let before = connection.statistics.prepares
        for _ in 0..<3 {
            _ = try connection.query("SELECT 1 AS a")
            _ = try connection.query("SELECT 2 AS b")
        }
        #expect(connection.statistics.prepares - before == 2)
        _ = try connection.query("SELECT 3 AS c")   // evicts "SELECT 1 AS a"
        _ = try connection.query("SELECT 2 AS b")   // still cached
        _ = try connection.query("SELECT 1 AS a")   // prepared again
        #expect(connection.statistics.prepares - before == 4)
    }

    @Test("A cached statement's fetch buffers fit every result: short, long, very long, short again")
    func resultBuffersFitEachResult() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, body MEDIUMTEXT, data MEDIUMBLOB") { table in
            let bodies = ["short", String(repeating: "長い本文", count: 200), String(repeating: "x", count: 200_000),
                          "", "tiny again"]
            for (index, body) in bodies.enumerated() {
                let data = [UInt8](body.utf8.reversed())
                try connection.execute("INSERT INTO \(unsafeRaw: table) (id, body, data) VALUES (\(index), \(body), \(data))")
            }
            let before = connection.statistics.prepares
            for round in 0..<2 {
                for (index, body) in bodies.enumerated() {
                    let row = try #require(try connection.queryFirst(
                        "SELECT body, data FROM \(unsafeRaw: table) WHERE id = \(index)"))
                    #expect(try row.decode("body", as: String.self) == body, "round \(round), row \(index)")
                    #expect(try row.decode("data", as: [UInt8].self) == [UInt8](body.utf8.reversed()))
                }
            }
            #expect(connection.statistics.prepares - before == 1)
        }
    }
}
