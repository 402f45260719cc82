import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGTERM and SIGINT into a call of `onStop`, once, from a dispatch queue (the same approach as
/// swift-service-lifecycle: ignore the default action, observe with a dispatch signal source).
final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    /// Starts watching; `onStop` receives the signal's name.
    init(signals: [Int32] = [SIGTERM, SIGINT], onStop: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "deskd.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onStop(number == SIGTERM ? "SIGTERM" : number == SIGINT ? "SIGINT" : "signal \(number)") }
            source.resume()
            return source
        }
    }

    /// Stops watching.
    func cancel() {
        for source in sources { source.cancel() }
    }
}
