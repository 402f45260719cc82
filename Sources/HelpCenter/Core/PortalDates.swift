import Foundation

/// Dates shown to end users: medium date and short time in their language and time zone.
public enum PortalDates {
    /// `date` formatted for `language` (`en`, `ja`) in `timeZone`.
    public static func format(_ date: Date, language: String, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == "ja" ? "ja_JP" : "en_US")
        formatter.timeZone = timeZone
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        return formatter.string(from: date)
    }
}
