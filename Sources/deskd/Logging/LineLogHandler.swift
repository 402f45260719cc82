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
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " "
            line += key
            line += "="
            line += value.description
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

    /// Now, as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC (no time zone database lookup, no formatter).
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text: [UInt8] = Array("0000-00-00T00:00:00.000Z".utf8)
        func put(_ value: Int, at end: Int, width: Int) {
            var value = value
            for index in stride(from: end, to: end - width, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, at: 3, width: 4)
        put(Int(parts.tm_mon) + 1, at: 6, width: 2)
        put(Int(parts.tm_mday), at: 9, width: 2)
        put(Int(parts.tm_hour), at: 12, width: 2)
        put(Int(parts.tm_min), at: 15, width: 2)
        put(Int(parts.tm_sec), at: 18, width: 2)
        put(Int(now.tv_nsec / 1_000_000), at: 22, width: 3)
        return String(decoding: text, as: UTF8.self)
    }
}
