import DeskHTTP
import Logging

/// Bootstraps swift-log once, at the root of the process: lines to standard error at the config's level,
/// through a `BufferedLogSink` that the caller flushes before exiting.
enum LoggingSetup {
    /// The root logger, the sink to flush before exiting, and the writer of request access lines into the
    /// same sink (nil when the level leaves out info lines).
    static func bootstrap(level: String) -> (Logger, BufferedLogSink, AccessLineWriter?) {
        let sink = BufferedLogSink()
        let threshold = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            LineLogHandler(label: label, sink: sink, logLevel: threshold)
        }
        let label = "deskd"
        return (Logger(label: label), sink, AccessLineWriter.forLevel(threshold, label: label, sink: sink))
    }
}
