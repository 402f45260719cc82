import DeskCore
import Foundation
import Synchronization
import Testing

@Suite("IDGenerator")
struct IDGeneratorTests {
    @Test("IDs from many threads are unique and each thread's are increasing")
    func uniqueAcrossThreads() async {
        let generator = IDGenerator(region: .eu, node: 3)
        let perTask = 20_000
        let batches = await withTaskGroup(of: [Int64].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<perTask).map { _ in generator.next() } }
            }
            var all: [[Int64]] = []
            for await batch in group { all.append(batch) }
            return all
        }
        for batch in batches {
            #expect(zip(batch, batch.dropFirst()).allSatisfy { $0 < $1 })
        }
        let all = batches.flatMap { $0 }
        #expect(Set(all).count == 8 * perTask)
        #expect(all.allSatisfy { $0 > 0 })
    }

    @Test("Threads racing within one millisecond past its 4,096 sequence numbers never share an ID")
    func exhaustedSequenceAcrossThreads() async {
        let generator = IDGenerator(region: .in, node: 5, clock: { 1_800_000_000_000 })
        let batches = await withTaskGroup(of: [Int64].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<3_000).map { _ in generator.next() } }
            }
            var all: [[Int64]] = []
            for await batch in group { all.append(batch) }
            return all
        }
        let all = batches.flatMap { $0 }
        #expect(Set(all).count == 12_000)
        #expect(batches.allSatisfy { batch in zip(batch, batch.dropFirst()).allSatisfy { $0 < $1 } })
        // 12,000 IDs in a frozen millisecond borrow the next two logical milliseconds.
        #expect(Set(all.map { DecodedID($0).date }).count == 3)
    }

    @Test("The region, node and time are recoverable from an ID", arguments: RegionID.allCases)
    func decodes(region: RegionID) {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let generator = IDGenerator(region: region, node: 127, clock: { now })
        let decoded = DecodedID(generator.next())
        #expect(decoded.region == region)
        #expect(decoded.node == 127)
        #expect(decoded.sequence == 0)
        #expect(Int64((decoded.date.timeIntervalSince1970 * 1000).rounded()) == now)
    }

    @Test("Two regions never collide, even at the same instant on the same node")
    func regionsDiffer() {
        let instant: Int64 = 1_800_000_000_000
        let us = IDGenerator(region: .us, node: 1, clock: { instant })
        let eu = IDGenerator(region: .eu, node: 1, clock: { instant })
        let usIDs = Set((0..<1000).map { _ in us.next() })
        let euIDs = Set((0..<1000).map { _ in eu.next() })
        #expect(usIDs.isDisjoint(with: euIDs))
    }

    @Test("IDs are ordered by time across generators")
    func orderedByTime() {
        let earlier = IDGenerator(region: .cn, node: 127, clock: { 1_800_000_000_000 }).next()
        let later = IDGenerator(region: .us, node: 0, clock: { 1_800_000_000_001 }).next()
        #expect(earlier < later)
    }

    @Test("A clock stepping backwards, or an exhausted sequence, never repeats an ID")
    func clockBackwards() {
        let time = Mutex<Int64>(1_800_000_000_000)
        let generator = IDGenerator(region: .au, node: 9, clock: { time.withLock { $0 } })
        var ids: [Int64] = (0..<5000).map { _ in generator.next() }   // more than 4,096 in one millisecond
        time.withLock { $0 -= 10_000 }
        ids += (0..<100).map { _ in generator.next() }
        #expect(Set(ids).count == ids.count)
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
    }
}
