import Foundation
import Synchronization

/// Generates the 64-bit IDs of tenant records (DESIGN §3): unique across threads, processes and regions,
/// ordered by time, with the region recoverable from the ID — so a tenant moves between regions without
/// renumbering.
///
/// Layout, from the most significant bit (the sign bit stays 0, so IDs are positive `Int64`s):
///
/// | bits | field |
/// |---|---|
/// | 41 | milliseconds since 2024-01-01T00:00:00Z (about 69 years) |
/// | 3  | region code (`RegionID.code`) |
/// | 7  | node: the generating process, 0…127 (`[server] node` in the config; 0 is reserved for CLI commands) |
/// | 12 | sequence within the millisecond (4,096 IDs per millisecond per node) |
///
/// Two processes generate distinct IDs as long as their (region, node) pairs differ. When the sequence of a
/// millisecond is used up, or the clock steps backwards, the generator waits for the next millisecond of
/// its own logical clock instead of repeating an ID.
public final class IDGenerator: Sendable {
    /// The epoch of the time field: 2024-01-01T00:00:00Z, in Unix milliseconds.
    public static let epochMilliseconds: Int64 = 1_704_067_200_000
    static let sequenceBits = 12
    static let nodeBits = 7
    static let regionBits = 3
    static let maxSequence: Int64 = (1 << sequenceBits) - 1
    /// The largest node number a process may use.
    public static let maxNode: UInt8 = (1 << nodeBits) - 1

    public let region: RegionID
    public let node: UInt8
    private let clock: @Sendable () -> Int64
    /// The last ID's time and sequence, packed as `lastMillis << sequenceBits | sequence`; advanced with
    /// compare-and-exchange, so concurrent callers never wait on a lock.
    private let state = Atomic<Int64>(0)

    /// - Parameters:
    ///   - region: the region whose records get these IDs.
    ///   - node: this process's node number, 0…127.
    ///   - clock: Unix time in milliseconds; injectable for tests.
    public init(region: RegionID, node: UInt8,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        precondition(node <= Self.maxNode, "node must be 0…\(Self.maxNode)")
        self.region = region
        self.node = node
        self.clock = clock
    }

    /// The next ID: greater than every ID this generator returned before.
    public func next() -> Int64 {
        let now = max(clock() - Self.epochMilliseconds, 0)
        var current = state.load(ordering: .relaxed)
        while true {
            let lastMillis = current >> Self.sequenceBits
            let advanced: Int64
            if now > lastMillis {
                advanced = now << Self.sequenceBits
            } else if current & Self.maxSequence < Self.maxSequence {
                advanced = current + 1
            } else {
                // Sequence exhausted (or the clock went back): borrow the next logical millisecond.
                advanced = (lastMillis + 1) << Self.sequenceBits
            }
            let (exchanged, seen) = state.compareExchange(expected: current, desired: advanced, ordering: .relaxed)
            if exchanged {
                return Self.compose(millis: advanced >> Self.sequenceBits, region: region, node: node,
                                    sequence: advanced & Self.maxSequence)
            }
            current = seen
        }
    }

    static func compose(millis: Int64, region: RegionID, node: UInt8, sequence: Int64) -> Int64 {
        let shiftedTime = millis << (regionBits + nodeBits + sequenceBits)
        let shiftedRegion = Int64(region.code) << (nodeBits + sequenceBits)
        let shiftedNode = Int64(node) << sequenceBits
        return shiftedTime | shiftedRegion | shiftedNode | sequence
    }
}

/// The parts of an ID made by `IDGenerator`.
public struct DecodedID: Sendable, Equatable {
    /// The region the ID was generated in, or nil when the region bits hold no known code.
    public let region: RegionID?
    public let node: UInt8
    public let sequence: Int
    /// When the ID was generated (millisecond precision).
    public let date: Date

    /// Splits `id` into its fields.
    public init(_ id: Int64) {
        let sequenceMask = IDGenerator.maxSequence
        sequence = Int(id & sequenceMask)
        node = UInt8((id >> IDGenerator.sequenceBits) & Int64(IDGenerator.maxNode))
        let regionCode = (id >> (IDGenerator.sequenceBits + IDGenerator.nodeBits)) & ((1 << IDGenerator.regionBits) - 1)
        region = RegionID(code: UInt8(regionCode))
        let millis = id >> (IDGenerator.sequenceBits + IDGenerator.nodeBits + IDGenerator.regionBits)
        date = Date(timeIntervalSince1970: Double(millis + IDGenerator.epochMilliseconds) / 1000)
    }
}
