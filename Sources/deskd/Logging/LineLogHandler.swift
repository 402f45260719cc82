import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

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
            Self.appendTimestamp(to: &line)
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: event.level.rawValue.utf8)
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
            line.append(contentsOf: ": ".utf8)
            line.append(contentsOf: message.utf8)
            for field in fields {
                line.append(UInt8(ascii: " "))
                line.append(contentsOf: field.key.utf8)
                line.append(UInt8(ascii: "="))
                line.append(contentsOf: field.value.utf8)
            }
        }
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

    /// Appends now as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC to `bytes` (no time zone database lookup, no
    /// formatter).
    static func appendTimestamp(to bytes: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func put(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var value = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                value %= divisor
                divisor /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, width: 4)
        bytes.append(UInt8(ascii: "-"))
        put(Int(parts.tm_mon) + 1, width: 2)
        bytes.append(UInt8(ascii: "-"))
        put(Int(parts.tm_mday), width: 2)
        bytes.append(UInt8(ascii: "T"))
        put(Int(parts.tm_hour), width: 2)
        bytes.append(UInt8(ascii: ":"))
        put(Int(parts.tm_min), width: 2)
        bytes.append(UInt8(ascii: ":"))
        put(Int(parts.tm_sec), width: 2)
        bytes.append(UInt8(ascii: "."))
        put(Int(now.tv_nsec / 1_000_000), width: 3)
        bytes.append(UInt8(ascii: "Z"))
    }
}
