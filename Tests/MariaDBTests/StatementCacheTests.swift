import Foundation
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

    @Test("Texts that differ in one byte, or only in Unicode normalisation, are different statements")
    func textsAreKeyedByTheirBytes() throws {
        let connection = try TestServer.connect()
        let before = connection.statistics.prepares
        let padding = String(repeating: " ", count: 300)
        // Same length, same long prefix and suffix: they differ in one byte in the middle.
        let first = try connection.queryFirst(SQL(unsafeRaw: "SELECT \(padding)1\(padding) AS v"))
        let second = try connection.queryFirst(SQL(unsafeRaw: "SELECT \(padding)2\(padding) AS v"))
        #expect(try first?.decode("v", as: Int.self) == 1)
        #expect(try second?.decode("v", as: Int.self) == 2)
        // "é" precomposed (2 bytes) and decomposed (3 bytes): equal Swift strings, different SQL bytes.
        let composed = try connection.queryFirst(SQL(unsafeRaw: "SELECT HEX('\u{e9}') AS v"))
        let decomposed = try connection.queryFirst(SQL(unsafeRaw: "SELECT HEX('e\u{301}') AS v"))
        #expect(try composed?.decode("v", as: String.self) == "C3A9")
        #expect(try decomposed?.decode("v", as: String.self) == "65CC81")
        #expect(connection.statistics.prepares - before == 4)
        _ = try connection.queryFirst(SQL(unsafeRaw: "SELECT \(padding)1\(padding) AS v"))
        _ = try connection.queryFirst(SQL(unsafeRaw: "SELECT HEX('e\u{301}') AS v"))
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

    @Test("A cached statement's parameters: values of the same kinds reuse the bound buffers; other kinds bind anew")
    func parametersOfChangingKinds() throws {
        let connection = try TestServer.connect()
        let when = Date(timeIntervalSince1970: 1_700_000_000.25)
        let sequence: [Value] = [
            .int(1), .int(-7), .int(Int64.max), .double(2.5), .double(-0.125), .int(3), .null, .int(4),
            .string("日本語"), .int(5), .date(when), .date(when.addingTimeInterval(86_400)), .bytes([0, 1, 2]), .int(6),
        ]
        for value in sequence {
            // One statement text for all: its one parameter changes kind between the executions.
            let row = try connection.queryFirst(SQL(unsafeRaw: "SELECT ? AS v, ? + 0 AS w", bindings: [value, .int(10)]))
            switch value {
            case .int(let number):
                #expect(try row?.decode("v", as: Int64.self) == number)
            case .double(let number):
                #expect(try row?.decode("v", as: Double.self) == number)
            case .null:
                #expect(row?["v"] == .null)
            case .string(let text):
                #expect(try row?.decode("v", as: String.self) == text)
            case .date(let date):
                #expect(try row?.decode("v", as: Date.self) == date)
            case .bytes(let bytes):
                #expect(try row?.decode("v", as: [UInt8].self) == bytes)
            }
            #expect(try row?.decode("w", as: Int64.self) == 10)
        }
    }
}
