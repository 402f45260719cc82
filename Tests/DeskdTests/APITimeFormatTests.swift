@testable import DeskAPI
import DeskCore
import Foundation
import Testing

@Suite("API time format")
struct APITimeFormatTests {
    /// The reference: the C library's calendar and padded fields.
    private func reference(_ date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(totalMillis >= 0 ? totalMillis / 1000 : (totalMillis - 999) / 1000)
        let millis = Int(totalMillis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    @Test("Known instants, leap days, the epoch, before the epoch and the end of year 9999")
    func knownInstants() {
        #expect(APITime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(APITime.format(Date(timeIntervalSince1970: 1_767_323_045.678)) == "2026-01-02T03:04:05.678Z")
        #expect(APITime.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(APITime.format(Date(timeIntervalSince1970: -0.0005)) == "1969-12-31T23:59:59.999Z")
        #expect(APITime.format(Date(timeIntervalSince1970: 253_402_300_799.999)) == "9999-12-31T23:59:59.999Z")
        #expect(APITime.format(Date(timeIntervalSince1970: -62_167_219_200)) == "0000-01-01T00:00:00.000Z")
    }

    @Test("Agrees with the C library's calendar over random instants from year 0 to 9999")
    func agreesWithGmtime() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let millis = Int64.random(in: -62_167_219_200_000...253_402_300_799_999, using: &generator)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            #expect(APITime.format(date) == reference(date))
        }
        for day in Int64(-800_000)...Int64(-799_000) {   // around year -220: the fallback path
            let date = Date(timeIntervalSince1970: Double(day * 86_400))
            #expect(APITime.format(date) == reference(date))
        }
    }

    @Test("Appended to bytes, as the log lines take it, the text is the formatted one, fallback included")
    func appendedEqualsFormatted() {
        var generator = SystemRandomNumberGenerator()
        let instants = (0..<2_000).map { _ in Int64.random(in: -62_167_219_200_000...253_402_300_799_999, using: &generator) }
            + [-70_000_000_000_000, 0, 300_000_000_000_000]   // years -249, 1970 and 11476
        for millis in instants {
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            var bytes: [UInt8] = Array("x".utf8)
            UTCTimestamp.append(date, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + UTCTimestamp.format(date))
            #expect(UTCTimestamp.format(date) == reference(date))
        }
    }
}
