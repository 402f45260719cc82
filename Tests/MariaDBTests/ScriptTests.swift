import MariaDB
import Testing

@Suite("Migration scripts")
struct ScriptTests {
    @Test func runsSeveralStatementsAndThenStopsAllowingThem() throws {
        let connection = try TestServer.connect()
        let table = TestServer.uniqueTableName("script")
        defer { _ = try? connection.execute("DROP TABLE IF EXISTS \(unsafeRaw: table)") }
        try connection.executeScript("""
            CREATE TABLE \(table) (id INT PRIMARY KEY, note VARCHAR(50)) DEFAULT CHARSET=utf8mb4;
            INSERT INTO \(table) VALUES (1, 'one');
            INSERT INTO \(table) VALUES (2, 'two; with a semicolon');
            SELECT COUNT(*) FROM \(table);
            """)
        let count = try connection.queryFirst("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")
        #expect(try count?.decode("n", as: Int.self) == 2)
        // The connection is usable afterwards and multi statements are off again for prepared statements.
        #expect(throws: MariaDBError.self) {
            try connection.execute("DELETE FROM \(unsafeRaw: table); DELETE FROM \(unsafeRaw: table)")
        }
    }

    @Test func failingStatementThrowsWithItsCode() throws {
        let connection = try TestServer.connect()
        #expect {
            try connection.executeScript("SELECT 1; SELEC 2; SELECT 3;")
        } throws: { error in
            (error as? MariaDBError)?.code == 1064
        }
        #expect(try connection.queryFirst("SELECT 5 AS five")?.decode("five", as: Int.self) == 5)
    }
}
