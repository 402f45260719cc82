import DeskCore
import Logging

/// Bootstraps swift-log once, at the root of the process: lines to standard error at the config's level.
enum LoggingSetup {
    static func bootstrap(level: String) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: level) ?? .info
            return handler
        }
        return Logger(label: "deskd")
    }
}
