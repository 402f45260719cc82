import DeskCore
import DeskHTTP
import Foundation

/// The API's time format: `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, as Zoho Desk renders it
/// (`2026-01-02T03:04:05.678Z`), and the ISO 8601 forms it accepts as input.
enum APITime {
    /// `date` as `yyyy-MM-ddTHH:mm:ss.SSSZ` (UTC, milliseconds truncated): ``UTCTimestamp``.
    static func format(_ date: Date) -> String {
        UTCTimestamp.format(date)
    }

    /// `date` in that format as a JSON string, or `null`: written straight into the output.
    static func write(_ date: Date?, to writer: inout JSONWriter) {
        guard let date else { return writer.null() }
        writer.string(unescaped: { UTCTimestamp.append(date, to: &$0) })
    }

    /// Parses an ISO 8601 date-time with or without fractional seconds and with a zone (`Z` or `±hh:mm`).
    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
