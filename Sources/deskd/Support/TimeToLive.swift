import ArgumentParser

/// A lifetime given on the command line as a number and a unit: `90s`, `30m`, `1h`, `7d`.
struct TimeToLive: ExpressibleByArgument, Equatable {
    let duration: Duration

    init?(argument: String) {
        guard let unit = argument.last, let value = Int64(argument.dropLast()), value > 0 else { return nil }
        let seconds: Int64
        switch unit {
        case "s": seconds = value
        case "m": seconds = value * 60
        case "h": seconds = value * 3600
        case "d": seconds = value * 86_400
        default: return nil
        }
        duration = .seconds(seconds)
    }

    static var defaultValueDescription: String { "1h" }
}
