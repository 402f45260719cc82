import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// deskd's log format, one line per event into a `BufferedLogSink`:
/// `2026-11-29T16:16:19.123Z info deskd: request duration_ms=0.873 method=GET route=/livez status=200`.
/// UTC timestamps with milliseconds, metadata sorted by key. Warnings and worse are written at once.
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
        let merged = mergedMetadata(event.metadata)
        var line = Self.timestamp()
        line.reserveCapacity(160)
        line += " "
        line += event.level.rawValue
        line += " "
        line += label
        line += ": "
        line += event.message.description
        for key in merged.keys.sorted() {
            line += " "
            line += key
            line += "="
            line += merged[key]!.description
        }
        sink.append(line, urgent: event.level >= .warning)
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

    /// Now, as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC (no time zone database lookup).
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(now.tv_nsec / 1_000_000), 3))Z"
    }
}
