import Foundation
@testable import MariaDB
import Testing

@Suite("SQL interpolation")
struct SQLInterpolationTests {
    @Test func interpolationBindsValues() {
        let status = "open'; DROP TABLE tickets; --"
        let org: Int64 = 42
        let id = 7
        let sql: SQL = "UPDATE tickets SET status = \(status) WHERE org_id = \(org) AND id = \(id)"
        #expect(sql.text == "UPDATE tickets SET status = ? WHERE org_id = ? AND id = ?")
        #expect(sql.bindings == [.string(status), .int(42), .int(7)])
        #expect(!sql.description.contains("DROP"))
    }

    @Test func rawListAndFragmentInterpolation() {
        let column = "updated_at"
        let optional: String? = nil
        let filter: SQL = "org_id = \(1)"
        let sql: SQL = "SELECT \(unsafeRaw: column) FROM t WHERE \(filter) AND id IN (\(list: [3, 4])) AND x = \(optional) AND f = \(true)"
        #expect(sql.text == "SELECT updated_at FROM t WHERE org_id = ? AND id IN (?, ?) AND x = ? AND f = ?")
        #expect(sql.bindings == [.int(1), .int(3), .int(4), .null, .int(1)])
        let empty: SQL = "id IN (\(list: [Int]()))"
        #expect(empty.text == "id IN (NULL)")
        #expect(empty.bindings.isEmpty)
        let joined = SQL.joined(["a = \(1)", "b = \(2)"], separator: " AND ")
        #expect(joined.text == "a = ? AND b = ?")
        #expect(joined.bindings == [.int(1), .int(2)])
    }

    @Test func bindableTypes() {
        let date = Date(timeIntervalSince1970: 1)
        #expect(Int32(-5).sqlValue == .int(-5))
        #expect(UInt32.max.sqlValue == .int(Int64(UInt32.max)))
        #expect(2.5.sqlValue == .double(2.5))
        #expect(false.sqlValue == .int(0))
        #expect([UInt8]([1, 2]).sqlValue == .bytes([1, 2]))
        #expect(Data([3]).sqlValue == .bytes([3]))
        #expect(date.sqlValue == .date(date))
        #expect(Optional<Int>.none.sqlValue == .null)
        #expect(Value.string("x").sqlValue == .string("x"))
    }

    @Test func injectionStringIsStoredLiterally() throws {
        let connection = try TestServer.connect()
        try TestServer.withTable(connection, columns: "id INT PRIMARY KEY, name VARCHAR(200)") { table in
            let hostile = "Robert'); DROP TABLE \(table); -- \\' \" `"
            try connection.execute("INSERT INTO \(unsafeRaw: table) (id, name) VALUES (\(1), \(hostile))")
            let row = try #require(try connection.queryFirst("SELECT name FROM \(unsafeRaw: table) WHERE name = \(hostile)"))
            #expect(try row.decode("name", as: String.self) == hostile)
            let count = try connection.queryFirst("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")
            #expect(try count?.decode("n", as: Int.self) == 1)
        }
    }

    @Test func placeholderCountMismatchThrows() throws {
        let connection = try TestServer.connect()
        #expect(throws: MariaDBError.self) {
            try connection.query(SQL(unsafeRaw: "SELECT ? + ?", bindings: [.int(1)]))
        }
    }
}
