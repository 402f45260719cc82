import DeskHTTP
import Logging

/// Each request's access line, written straight into the log buffer in ``LineLogHandler``'s format:
/// `2026-11-29T16:16:19.123Z info deskd: request duration_ms=0.873 method=GET request_id=… route=/livez status=200`
/// (the same line an info message `request` with those metadata gives, keys sorted). It skips building,
/// merging and sorting swift-log metadata, which cost more than the rest of writing the line, once per request.
struct AccessLineWriter: Sendable {
    let label: String
    let sink: BufferedLogSink

    /// The writer for a log at `level`, or nil when access lines (info) are not logged at that level.
    static func forLevel(_ level: Logger.Level, label: String, sink: BufferedLogSink) -> AccessLineWriter? {
        level <= .info ? AccessLineWriter(label: label, sink: sink) : nil
    }

    /// Appends the line of `record`: its fields in key order, as ``LineLogHandler`` sorts metadata.
    func write(_ record: AccessRecord) {
        let milliseconds = record.milliseconds
        let status = String(record.status.code)
        sink.appendLine(urgent: false) { line in
            LineLogHandler.appendStart(level: .info, label: label, message: "request", to: &line)
            LineLogHandler.appendField("duration_ms", milliseconds, to: &line)
            LineLogHandler.appendField("method", record.method.rawValue, to: &line)
            LineLogHandler.appendField("request_id", record.requestID, to: &line)
            LineLogHandler.appendField("route", record.route ?? "-", to: &line)
            LineLogHandler.appendField("status", status, to: &line)
        }
    }
}
