import Foundation

/// A value shared between test threads behind a lock.
public final class Locked<Value>: @unchecked Sendable {  // `value` is only touched under `lock`
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withValue<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    /// A copy of the current value.
    public var current: Value { withValue { $0 } }
}
