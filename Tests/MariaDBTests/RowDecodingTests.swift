import Foundation
import MariaDB
import Testing

@Suite("Row decoding errors")
struct RowDecodingTests {
    private let row = Row(
        columns: ResultColumns(["name", "count", "flag", "when", "blob"]),
        values: [.string("Ada"), .int(300), .int(2), .date(Date(timeIntervalSince1970: 0)), .bytes([0xFF, 0xFE])])

    @Test func mismatchedTypesThrowInsteadOfTrapping() {
        #expect(throws: RowDecodingError(column: "name", expected: "Int", found: "non-integer string")) {
            try row.decode("name", as: Int.self)
        }
        #expect(throws: RowDecodingError(column: "count", expected: "Date", found: "int")) {
            try row.decode("count", as: Date.self)
        }
        #expect(throws: RowDecodingError(column: "flag", expected: "Bool", found: "int other than 0/1")) {
            try row.decode("flag", as: Bool.self)
        }
        #expect(throws: RowDecodingError(column: "when", expected: "String", found: "date")) {
            try row.decode("when", as: String.self)
        }
        #expect(throws: RowDecodingError(column: "blob", expected: "String", found: "non-UTF-8 bytes")) {
            try row.decode("blob", as: String.self)
        }
        #expect(throws: RowDecodingError(column: "missing", expected: "Int", found: "missing column")) {
            try row.decode("missing", as: Int.self)
        }
        #expect(throws: RowDecodingError.self) { try row.decode(at: 9, as: Int.self) }
    }

    @Test func narrowingOutOfRangeThrows() {
        let wide = Row(columns: ResultColumns(["n"]), values: [.int(Int64(Int32.max) + 1)])
        #expect(throws: RowDecodingError(column: "n", expected: "Int32", found: "out-of-range int")) {
            try wide.decode("n", as: Int32.self)
        }
        #expect(throws: RowDecodingError.self) { try wide.decode("n", as: Int32?.self) }
        #expect(throws: Never.self) { try wide.decode("n", as: Int64.self) }
    }

    @Test func subscriptsNeverTrap() {
        #expect(row["nope"] == .null)
        #expect(row[99] == .null)
        #expect(row[0] == .string("Ada"))
    }

    @Test func badDecodeOfAServerRowThrows() throws {
        let connection = try TestServer.connect()
        let row = try #require(try connection.queryFirst("SELECT 'text' AS s, 1.5 AS d, NOW(6) AS t"))
        #expect(throws: RowDecodingError.self) { try row.decode("s", as: Int.self) }
        #expect(throws: RowDecodingError.self) { try row.decode("d", as: Int.self) }
        #expect(throws: RowDecodingError.self) { try row.decode("t", as: Int64.self) }
        #expect(throws: RowDecodingError.self) { try row.decode("s", as: Date.self) }
    }

    @Test("Columns are found by name among many, the first of a repeated name wins, unknown names are nil")
    func columnLookup() {
        let names = (0..<100).map { "column_\($0)" } + ["column_7", "名前", ""]
        let columns = ResultColumns(names)
        for index in 0..<100 { #expect(columns.index(of: "column_\(index)") == index) }
        #expect(columns.index(of: "名前") == 101)
        #expect(columns.index(of: "") == 102)
        #expect(columns.index(of: "column_100") == nil)
        #expect(columns.index(of: "Column_1") == nil)
        #expect(ResultColumns([]).index(of: "x") == nil)
    }

    @Test("A reader gets the same values in select-list order, in any other order and with repeated reads")
    func readerMatchesLookup() throws {
        var inOrder = row.reader
        #expect(try inOrder.decode("name", as: String.self) == "Ada")
        #expect(try inOrder.decode("count", as: Int.self) == 300)
        #expect(try inOrder.decode("flag", as: Int.self) == 2)
        #expect(try inOrder.decode("when", as: Date.self) == Date(timeIntervalSince1970: 0))
        #expect(try inOrder.decode("blob", as: [UInt8].self) == [0xFF, 0xFE])

        var shuffled = row.reader
        #expect(try shuffled.decode("blob", as: [UInt8].self) == [0xFF, 0xFE])
        #expect(try shuffled.decode("count", as: Int.self) == 300)
        #expect(try shuffled.decode("name", as: String.self) == "Ada")
        #expect(try shuffled.decode("name", as: String.self) == "Ada")
        #expect(try shuffled.decode("flag", as: Int.self) == 2)

        var repeatedName = Row(columns: ResultColumns(["a", "b", "a"]), values: [.int(1), .int(2), .int(3)]).reader
        #expect(try repeatedName.decode("b", as: Int.self) == 2)
        #expect(try repeatedName.decode("a", as: Int.self) == 3)   // the next column is an "a": that one
    }

    @Test("A reader throws the row's errors: a missing column, a value that does not fit")
    func readerErrors() {
        var reader = row.reader
        #expect(throws: RowDecodingError(column: "missing", expected: "Int", found: "missing column")) {
            try reader.decode("missing", as: Int.self)
        }
        #expect(throws: RowDecodingError(column: "name", expected: "Int", found: "non-integer string")) {
            try reader.decode("name", as: Int.self)
        }
        #expect(throws: RowDecodingError(column: "when", expected: "String", found: "date")) {
            try reader.decode("when", as: String.self)
        }
    }
}
