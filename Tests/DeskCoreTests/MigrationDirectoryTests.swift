@testable import DeskCore
import Foundation
import Testing

@Suite("MigrationDirectory")
struct MigrationDirectoryTests {
    func folder(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "deskd-migrations-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        return path
    }

    @Test("Files load in version order with checksums; other files are ignored")
    func loadsInOrder() throws {
        let path = try folder(["0002_b.sql": "SELECT 2;", "0001_a.sql": "SELECT 1;", "README.md": "notes"])
        let migrations = try MigrationDirectory.load(from: path)
        #expect(migrations.map(\.name) == ["0001_a.sql", "0002_b.sql"])
        #expect(migrations.map(\.version) == [1, 2])
        #expect(migrations[0].checksum == SHA256Digest.hex(Array("SELECT 1;".utf8)))
        #expect(migrations[0].checksum.count == 64)
    }

    @Test("Badly named files and duplicate versions are refused", arguments: [
        ["1_a.sql": ""], ["0001-a.sql": ""], ["0001_A.sql": ""], ["0001_.sql": ""],
        ["0001_a.sql": "", "0001_b.sql": ""],
    ])
    func refusesBadFolders(files: [String: String]) throws {
        let path = try folder(files)
        #expect(throws: MigrationDirectory.LoadError.self) { try MigrationDirectory.load(from: path) }
    }

    @Test("SHA-256 matches the known test vector")
    func sha256() {
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("The project's own migrations load")
    func projectMigrations() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let migrations = try MigrationDirectory.load(from: root.appendingPathComponent("sql").path)
        #expect(!migrations.isEmpty)
        #expect(migrations.first?.version == 1)
    }
}
