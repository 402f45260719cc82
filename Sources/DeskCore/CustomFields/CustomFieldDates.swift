import Foundation

/// The canonical texts of date and date-time custom field values.
enum CustomFieldDates {
    /// `yyyy-MM-dd` when `text` is a real calendar date in that form.
    static func date(_ text: String) -> String? {
        guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == parts[2] else { return nil }
        return text
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` (UTC) for an ISO 8601 date-time with a zone.
    static func dateTime(_ text: String) -> String? {
        let parsed = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
        guard let date = parsed else { return nil }
        let audit = AuditText.date(date)   // yyyy-MM-ddTHH:mm:ss.SSSSSSZ
        return String(audit.prefix(23)) + "Z"
    }
}
