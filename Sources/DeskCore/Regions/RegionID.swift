/// A data region: where a tenant's data lives (DESIGN §5). One MariaDB database per region.
public enum RegionID: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    case us, eu, `in`, au, cn

    /// The 3-bit code stored inside every ID generated in this region (see `IDGenerator`).
    /// Codes are part of the persisted ID format: never renumber them.
    public var code: UInt8 {
        switch self {
        case .us: 1
        case .eu: 2
        case .in: 3
        case .au: 4
        case .cn: 5
        }
    }

    /// The region whose ID code is `code`, or nil for an unknown code.
    public init?(code: UInt8) {
        guard let region = RegionID.allCases.first(where: { $0.code == code }) else { return nil }
        self = region
    }

    public var description: String { rawValue }

    public static func < (lhs: RegionID, rhs: RegionID) -> Bool { lhs.code < rhs.code }
}
