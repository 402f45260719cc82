import DeskCore
import Logging

/// deskd's log format, one line per event into a `BufferedLogSink`:
/// `2026-11-29T16:16:19.123Z info deskd: request duration_ms=0.873 method=GET route=/livez status=200`.
/// UTC timestamps with milliseconds, metadata sorted by key. Warnings and worse are written at once. A line
/// is formatted straight into the sink's buffer for the calling thread.
struct LineLogHandler: LogHandler {
    let label: String
    let sink: BufferedLogSink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = Self.sortedFields(mergedMetadata(event.metadata))
        let message = event.message.description
        sink.appendLine(urgent: event.level >= .warning) { line in
            Self.appendStart(level: event.level, label: label, message: message, to: &line)
            for field in fields { Self.appendField(field.key, field.value, to: &line) }
        }
    }

    /// Appends the start of a line: `<timestamp> <level> <label>: <message>`.
    static func appendStart(level: Logger.Level, label: String, message: String, to line: inout [UInt8]) {
        UTCTimestamp.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: level.rawValue.utf8)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: label.utf8)
        line.append(contentsOf: ": ".utf8)
        line.append(contentsOf: message.utf8)
    }

    /// Appends one metadata field: ` <key>=<value>`.
    static func appendField(_ key: String, _ value: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: key.utf8)
        line.append(UInt8(ascii: "="))
        line.append(contentsOf: value.utf8)
    }

    /// The metadata as text, sorted by key. Values are turned into text here, before the sink's lock is
    /// taken, so a value's `description` may itself log.
    private static func sortedFields(_ metadata: Logger.Metadata) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        fields.reserveCapacity(metadata.count)
        for (key, value) in metadata {
            if case .string(let text) = value {
                fields.append((key, text))
            } else {
                fields.append((key, value.description))
            }
        }
        fields.sort { $0.key < $1.key }
        return fields
    }

    /// The handler's, the provider's and the event's metadata, later ones winning; no copying in the
    /// common case where only the event has any.
    private func mergedMetadata(_ explicit: Logger.Metadata?) -> Logger.Metadata {
        let provided = metadataProvider?.get() ?? [:]
        if metadata.isEmpty && provided.isEmpty { return explicit ?? [:] }
        var merged = metadata
        merged.merge(provided) { _, new in new }
        if let explicit { merged.merge(explicit) { _, new in new } }
        return merged
    }
}
