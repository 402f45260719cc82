/// A configuration problem, naming the key (as `section.key`, or the environment variable) and why.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The offending key, e.g. `regions.eu.dsn`; nil for a problem with the file as a whole.
    public let key: String?
    public let reason: String

    public init(key: String?, _ reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String {
        if let key { return "\(key): \(reason)" }
        return reason
    }
}
