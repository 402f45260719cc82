@testable import DeskHTTP
import DeskTesting
import Foundation
import Logging

/// One captured log line.
struct CapturedLog: Sendable {
    let level: Logger.Level
    let message: String
    let metadata: [String: String]
}

/// Captures log lines in memory instead of bootstrapping the logging system.
struct CapturingLogHandler: LogHandler {
    let records: Locked<[CapturedLog]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        records.withValue {
            $0.append(CapturedLog(level: event.level, message: event.message.description,
                                  metadata: merged.mapValues { "\($0)" }))
        }
    }
}

/// A logger whose lines land in the returned box.
func capturingLogger() -> (Logger, Locked<[CapturedLog]>) {
    let records = Locked<[CapturedLog]>([])
    let logger = Logger(label: "deskd.http.test") { _ in CapturingLogHandler(records: records) }
    return (logger, records)
}

/// A server over `router` with a capturing logger.
func makeServer<Context>(
    _ router: Router<Context>,
    middlewares: [Middleware<Context>] = [],
    limits: HTTPLimits = HTTPLimits()
) -> (HTTPServer<Context>, Locked<[CapturedLog]>) {
    let (logger, records) = capturingLogger()
    return (HTTPServer(router: router, middlewares: middlewares, limits: limits, logger: logger), records)
}

/// Decodes a JSON response body into a dictionary.
func jsonObject(_ response: HTTPResponse) -> [String: Any] {
    guard let bytes = response.bodyBytes,
          let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [:] }
    return object
}

/// The error a throwing expression throws, as an HTTPError (nil when it throws something else or nothing).
func httpError(_ body: () throws -> Void) -> HTTPError? {
    do {
        try body()
        return nil
    } catch let error as HTTPError {
        return error
    } catch {
        return nil
    }
}
