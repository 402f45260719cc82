import Foundation

/// Reads the migration files of a folder.
public enum MigrationDirectory {
    /// Problems with the folder's files.
    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The folder's `NNNN_description.sql` files in version order. Any other `.sql` file, a duplicate
    /// version or an unreadable file is an error: a migration that silently does not run is worse.
    public static func load(from path: String) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw LoadError(description: "cannot read migrations folder \(path)")
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let version = version(ofFileNamed: name) else {
                throw LoadError(description: "\(name): migration files must be named NNNN_description.sql")
            }
            guard let data = FileManager.default.contents(atPath: path + "/" + name),
                  let sql = String(data: data, encoding: .utf8) else {
                throw LoadError(description: "\(name): cannot read as UTF-8")
            }
            if let previous = migrations.last, previous.version == version {
                throw LoadError(description: "\(name): version \(version) is also used by \(previous.name)")
            }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        return migrations
    }

    /// The version of a well-formed migration file name, or nil.
    static func version(ofFileNamed name: String) -> Int? {
        let stem = name.dropLast(".sql".count)
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let version = Int(parts[0]),
              !parts[1].isEmpty,
              parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else { return nil }
        return version
    }
}
