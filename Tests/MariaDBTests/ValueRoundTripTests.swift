import Foundation
import MariaDB
import Testing

@Suite("Values round-trip through a real server")
struct ValueRoundTripTests {
    @Test func japaneseTextAndEmojiRoundTripByteForByte() throws {
        let connection = try TestServer.connect()
        let text = "お問い合わせありがとうございます。日本語のテキスト 🎉👩‍💻👨‍👩‍👧‍👦 🇯🇵 é ñ 𠮷"
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, s VARCHAR(255), t LONGTEXT") { table in
            try connection.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(1), \(text), \(text))")
            let row = try #require(try connection.queryFirst(
                "SELECT s, t, HEX(s) AS hex, CHAR_LENGTH(s) AS chars FROM \(unsafeRaw: table) WHERE id = \(1)"))
            #expect(Array(try row.decode("s", as: String.self).utf8) == Array(text.utf8))
            #expect(Array(try row.decode("t", as: String.self).utf8) == Array(text.utf8))
            // The server stored exactly these UTF-8 bytes (no double encoding, no replacement characters).
            let expectedHex = text.utf8.map { String(format: "%02X", $0) }.joined()
            #expect(try row.decode("hex", as: String.self) == expectedHex)
            #expect(try row.decode("chars", as: Int.self) == text.unicodeScalars.count)
            // And a lookup by the same text finds the row.
            #expect(try connection.query("SELECT id FROM \(unsafeRaw: table) WHERE s = \(text)").count == 1)
        }
    }

    @Test func fourMebibyteBlobRoundTrips() throws {
        let connection = try TestServer.connect()
        // Pseudo-random bytes (every value 0...255 occurs, zeros included), cheap to generate.
        var state = UInt64.random(in: 1...UInt64.max)
        let blob = (0..<(4 * 1024 * 1024)).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, b LONGBLOB") { table in
            try connection.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(1), \(blob)), (\(2), \([UInt8]([0, 1])))")
            let rows = try connection.query("SELECT id, b, LENGTH(b) AS n FROM \(unsafeRaw: table) ORDER BY id")
            #expect(rows.count == 2)
            #expect(try rows[0].decode("n", as: Int.self) == blob.count)
            let fetched = try rows[0].decode("b", as: [UInt8].self)
            #expect(fetched.count == blob.count)
            #expect(fetched == blob)
            #expect(try rows[1].decode("b", as: [UInt8].self) == [0, 1])
            #expect(try rows[0].decode("b", as: Data.self) == Data(blob))
        }
    }

    @Test func nullsOfEveryType() throws {
        let connection = try TestServer.connect()
        let columns = """
            id INT PRIMARY KEY, i BIGINT NULL, d DOUBLE NULL, f TINYINT(1) NULL, s VARCHAR(10) NULL,
            t TEXT NULL, b BLOB NULL, dt DATETIME(6) NULL, ts TIMESTAMP(6) NULL, price DECIMAL(10,2) NULL,
            dateonly DATE NULL
            """
        try TestServer.withTable(connection, columns: columns) { table in
            try connection.execute("""
                INSERT INTO \(unsafeRaw: table) VALUES (\(1), \(Int64?.none), \(Double?.none), \(Bool?.none),
                \(String?.none), \(Value.null), \([UInt8]?.none), \(Date?.none), \(Date?.none), \(Int?.none), \(Date?.none))
                """)
            let row = try #require(try connection.queryFirst("SELECT * FROM \(unsafeRaw: table)"))
            for column in ["i", "d", "f", "s", "t", "b", "dt", "ts", "price", "dateonly"] {
                #expect(row[column] == .null, "column \(column)")
            }
            #expect(try row.decode("i", as: Int64?.self) == nil)
            #expect(try row.decode("d", as: Double?.self) == nil)
            #expect(try row.decode("f", as: Bool?.self) == nil)
            #expect(try row.decode("s", as: String?.self) == nil)
            #expect(try row.decode("b", as: [UInt8]?.self) == nil)
            #expect(try row.decode("dt", as: Date?.self) == nil)
            #expect(throws: RowDecodingError.self) { try row.decode("i", as: Int64.self) }
            #expect(throws: RowDecodingError.self) { try row.decode("s", as: String.self) }
        }
    }

    @Test func integersDoublesAndBooleans() throws {
        let connection = try TestServer.connect()
        let columns = "id INT PRIMARY KEY, i BIGINT, d DOUBLE, f TINYINT(1), small INT, u INT UNSIGNED, big BIGINT UNSIGNED"
        try TestServer.withTable(connection, columns: columns) { table in
            let rows: [(Int64, Double, Bool)] = [(.min, -1.5e-300, false), (.max, 3.141592653589793, true), (0, -0.0, true)]
            for (index, (integer, double, flag)) in rows.enumerated() {
                try connection.execute("""
                    INSERT INTO \(unsafeRaw: table) VALUES
                    (\(index), \(integer), \(double), \(flag), \(Int32.min), \(UInt32.max), \(Int64.max))
                    """)
            }
            try connection.execute("UPDATE \(unsafeRaw: table) SET big = big * 2 + 1 WHERE id = \(0)")
            let fetched = try connection.query("SELECT * FROM \(unsafeRaw: table) ORDER BY id")
            #expect(fetched.count == 3)
            for (row, expected) in zip(fetched, rows) {
                #expect(try row.decode("i", as: Int64.self) == expected.0)
                #expect(try row.decode("d", as: Double.self) == expected.1)
                #expect(try row.decode("f", as: Bool.self) == expected.2)
                #expect(try row.decode("small", as: Int32.self) == .min)
                #expect(try row.decode("u", as: UInt32.self) == .max)
            }
            #expect(fetched[0]["big"] == .string(String(UInt64.max)))
            #expect(fetched[1]["big"] == .int(.max))
        }
    }

    @Test func datetimeWithMicrosecondsIsUTC() throws {
        let connection = try TestServer.connect()
        let instants = [
            Date(timeIntervalSince1970: 1_700_000_000.123456),  // 2023-11-14 22:13:20.123456 UTC
            Date(timeIntervalSince1970: -0.5),                   // 1969-12-31 23:59:59.500000 UTC
            Date(timeIntervalSince1970: 951_782_400.000001),     // 2000-02-29 00:00:00.000001 UTC
        ]
        let formatted = ["2023-11-14 22:13:20.123456", "1969-12-31 23:59:59.500000", "2000-02-29 00:00:00.000001"]
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, dt DATETIME(6), ts TIMESTAMP(6) NULL") { table in
            for (index, instant) in instants.enumerated() {
                let timestamp: Date? = instant.timeIntervalSince1970 > 0 ? instant : nil
                try connection.execute("INSERT INTO \(unsafeRaw: table) VALUES (\(index), \(instant), \(timestamp))")
            }
            let rows = try connection.query("""
                SELECT id, dt, ts, DATE_FORMAT(dt, '%Y-%m-%d %H:%i:%s.%f') AS text FROM \(unsafeRaw: table) ORDER BY id
                """)
            #expect(rows.count == instants.count)
            for (row, (instant, text)) in zip(rows, zip(instants, formatted)) {
                #expect(try row.decode("dt", as: Date.self) == instant)
                #expect(try row.decode("text", as: String.self) == text)
            }
            #expect(try rows[0].decode("ts", as: Date.self) == instants[0])
            let session = try connection.queryFirst("SELECT @@session.time_zone AS tz")
            #expect(try session?.decode("tz", as: String.self) == "+00:00")
        }
    }

    @Test func decimalsAndAggregates() throws {
        let connection = try TestServer.connect()
        let row = try #require(try connection.queryFirst(
            "SELECT CAST(12.50 AS DECIMAL(10,2)) AS price, SUM(x) AS total FROM (SELECT 2 AS x UNION ALL SELECT 3) AS t"))
        #expect(row["price"] == .string("12.50"))
        #expect(try row.decode("price", as: Double.self) == 12.5)
        #expect(try row.decode("total", as: Int.self) == 5)
    }
}
