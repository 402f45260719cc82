import Logging

/// Bootstraps swift-log once, at the root of the process: lines to standard error at the config's level,
/// through a `BufferedLogSink` that the caller flushes before exiting.
enum LoggingSetup {
    static func bootstrap(level: String) -> (Logger, BufferedLogSink) {
        let sink = BufferedLogSink()
        let threshold = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            LineLogHandler(label: label, sink: sink, logLevel: threshold)
        }
        return (Logger(label: "deskd"), sink)
    }
}
