import Logging

/// Writes one info line per request: message `request`, metadata `method`, `route` (the pattern or
/// `-`), `status`, `duration_ms` and `request_id`. Never the query string, never personal data.
struct AccessLog: Sendable {
    let logger: Logger

    func record(method: HTTPMethod, route: String?, status: HTTPStatus, duration: Duration, requestID: String) {
        logger.info("request", metadata: [
            "method": .string(method.rawValue),
            "route": .string(route ?? "-"),
            "status": .string(String(status.code)),
            "duration_ms": .string(Self.milliseconds(duration)),
            "request_id": .string(requestID),
        ])
    }

    /// `"12.345"`: milliseconds with three decimals.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        // Digits from the last one backwards: at least "0.000", at most 20 digits and the point.
        return String(unsafeUninitializedCapacity: 21) { buffer in
            var start = buffer.count
            repeat {
                if buffer.count - start == 3 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(microseconds % 10)
                microseconds /= 10
            } while microseconds > 0 || buffer.count - start < 5
            let length = buffer.count - start
            for index in 0..<length { buffer[index] = buffer[start + index] }
            return length
        }
    }
}
