import Logging

/// Writes one info line per request: message `request`, metadata `method`, `route` (the pattern or
/// `-`), `status`, `duration_ms` and `request_id`. Never the query string, never personal data.
struct AccessLog: Sendable {
    let logger: Logger

    func record(method: HTTPMethod, route: String?, status: HTTPStatus, duration: Duration, requestID: String) {
        logger.info("request", metadata: [
            "method": .string(method.rawValue),
            "route": .string(route ?? "-"),
            "status": .stringConvertible(status.code),
            "duration_ms": .string(Self.milliseconds(duration)),
            "request_id": .string(requestID),
        ])
    }

    /// `"12.345"`: milliseconds with three decimals.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
