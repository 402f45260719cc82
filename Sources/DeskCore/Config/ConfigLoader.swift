import Foundation
import MariaDB
import TOMLKit

/// Reads deskd's TOML config file and applies environment overrides.
///
/// Every key, its type and its default are documented on `ServerConfig`, `DatabaseConfig`, `LogConfig`,
/// `AttachmentsConfig`, `MailConfig`, `PortalConfig` and `RegionConfig`, and listed in the README. Unknown keys are errors (a typo must not silently fall back to a
/// default). Environment variables override single values: `DESKD_SERVER_WORKERS=8` sets `server.workers`,
/// `DESKD_REGIONS_EU_DSN=…` sets `regions.eu.dsn`, `DESKD_REGIONS_EU_HOSTS=a,b` sets a list. Relative
/// paths (`server.socket`, `database.migrations`, `regions.*.tls_ca`) are resolved against the folder of the
/// config file.
public struct ConfigLoader: Sendable {
    /// The environment variable that names the config file when `--config` is not given.
    public static let pathVariable = "DESKD_CONFIG"
    static let overridePrefix = "DESKD_"
    static let sections: Set<String> = ["server", "database", "log", "attachments", "mail", "portal", "regions"]
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads the file at `path`; throws a `ConfigError` naming the first bad key.
    public func load(path: String) throws(ConfigError) -> DeskConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(key: nil, "cannot read config file \(path)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, baseDirectory: base)
    }

    /// Parses config text; relative paths are resolved against `baseDirectory`.
    public func parse(_ text: String, baseDirectory: String) throws(ConfigError) -> DeskConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(key: nil, "not valid TOML (\(error.source.begin.debugDescription))")
        } catch {
            throw ConfigError(key: nil, "not valid TOML")
        }
        var values = try ConfigValue.flatten(table)
        for (key, value) in try environmentOverrides() { values[key] = value }
        var reader = ConfigReader(values: values, baseDirectory: baseDirectory)
        let config = try reader.readConfig()
        try reader.rejectUnknownKeys()
        return config
    }

    /// Maps `DESKD_SECTION_KEY` variables to dotted keys. Other `DESKD_` variables (e.g. the config path) are
    /// not config overrides and are ignored.
    func environmentOverrides() throws(ConfigError) -> [String: ConfigValue] {
        var overrides: [String: ConfigValue] = [:]
        for (name, value) in environment where name.hasPrefix(Self.overridePrefix) {
            let rest = name.dropFirst(Self.overridePrefix.count).lowercased()
            guard let separator = rest.firstIndex(of: "_") else { continue }
            let section = String(rest[..<separator])
            guard Self.sections.contains(section) else { continue }
            var key = String(rest[rest.index(after: separator)...])
            if section == "regions" {
                guard let regionEnd = key.firstIndex(of: "_") else {
                    throw ConfigError(key: name, "expected DESKD_REGIONS_<REGION>_<KEY>")
                }
                key = "\(key[..<regionEnd]).\(key[key.index(after: regionEnd)...])"
            }
            overrides["\(section).\(key)"] = .environment(value)
        }
        return overrides
    }
}
