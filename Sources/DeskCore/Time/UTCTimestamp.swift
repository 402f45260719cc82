import Foundation

/// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC (`2026-01-02T03:04:05.678Z`): the agent API's time format, as Zoho
/// Desk renders it, and the time stamp of deskd's log lines.
///
/// Both write it on every response or line, so the 24 bytes are written directly (proleptic Gregorian
/// calendar from days since 1970, as `gmtime_r` computes it) instead of asking the C library and joining
/// padded strings. Years outside 0…9999 fall back to padded text.
public enum UTCTimestamp {
    /// `date`, milliseconds truncated.
    public static func format(_ date: Date) -> String {
        let time = Fields(date)
        guard time.fitsFourDigitYear else { return time.paddedText }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            time.write(into: buffer)
            return 24
        }
    }

    /// `date` (now by default), milliseconds truncated, appended to `bytes`.
    public static func append(_ date: Date = Date(), to bytes: inout [UInt8]) {
        let time = Fields(date)
        guard time.fitsFourDigitYear else { return bytes.append(contentsOf: time.paddedText.utf8) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            time.write(into: buffer)
            bytes.append(contentsOf: buffer)
        }
    }

    /// The proleptic Gregorian year, month (1…12) and day (1…31) of a day count since 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    public static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The calendar fields of an instant, milliseconds truncated.
    private struct Fields {
        let year: Int64
        let month, day, hour, minute, second, millis: Int

        init(_ date: Date) {
            let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
            let seconds = totalMillis >= 0 ? totalMillis / 1000 : (totalMillis - 999) / 1000
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = Int(seconds - days * 86_400)
            (year, month, day) = UTCTimestamp.civil(daysSince1970: days)
            hour = secondOfDay / 3600
            minute = secondOfDay / 60 % 60
            second = secondOfDay % 60
            millis = Int(totalMillis - seconds * 1000)
        }

        var fitsFourDigitYear: Bool { (0...9999).contains(year) }

        /// Writes the 24 bytes into `buffer` (at least 24 long); only for a four-digit year.
        func write(into buffer: UnsafeMutableBufferPointer<UInt8>) {
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
            }
            put(Int(year), 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(hour, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(minute, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(second, 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(millis, 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
        }

        /// The fields as padded text, for years outside 0…9999.
        var paddedText: String {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
            }
            return pad(Int(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":"
                + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(millis, 3) + "Z"
        }
    }
}
