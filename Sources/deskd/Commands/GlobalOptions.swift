import ArgumentParser
import DeskCore
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Path of the TOML config file (default: $DESKD_CONFIG).")
    var config: String?

    /// The config path from `--config`, else `DESKD_CONFIG`.
    func configPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let config, !config.isEmpty { return config }
        if let path = environment[ConfigLoader.pathVariable], !path.isEmpty { return path }
        throw ValidationError("No config file: pass --config PATH or set \(ConfigLoader.pathVariable).")
    }

    /// Loads and checks the config, or exits with the key that is wrong and why.
    func loadConfig() throws -> DeskConfig {
        let path = try configPath()
        do {
            return try ConfigLoader().load(path: path)
        } catch {
            throw CLIFailure("config \(path): \(error)")
        }
    }
}
