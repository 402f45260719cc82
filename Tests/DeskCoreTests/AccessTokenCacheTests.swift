import DeskCore
import Foundation
import Testing

@Suite("Access token cache")
struct AccessTokenCacheTests {
    private func token(_ agent: Int64, expiresIn seconds: Double = 3600) -> AuthenticatedToken {
        AuthenticatedToken(orgID: 1, agentID: agent, scope: .all, clientID: nil,
                           expiresAt: Date().addingTimeInterval(seconds))
    }

    @Test("A verified token is served until its TTL or its expiry, whichever comes first")
    func ttl() throws {
        let cache = AccessTokenCache(ttl: .milliseconds(200), capacity: 8)
        let hash = [UInt8](repeating: 1, count: 32)
        let (missing, generation) = cache.lookup(region: .eu, hash: hash)
        #expect(missing == nil)
        cache.store(token(7), region: .eu, hash: hash, generation: generation)
        #expect(cache.lookup(region: .eu, hash: hash).token?.agentID == 7)
        #expect(cache.lookup(region: .us, hash: hash).token == nil)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(cache.lookup(region: .eu, hash: hash).token == nil)

        let expiring = [UInt8](repeating: 2, count: 32)
        cache.store(token(8, expiresIn: -1), region: .eu, hash: expiring, generation: cache.lookup(region: .eu, hash: expiring).generation)
        #expect(cache.lookup(region: .eu, hash: expiring).token == nil)
    }

    @Test("removeAll forgets everything at once, and a lookup that raced it stores nothing")
    func removal() {
        let cache = AccessTokenCache(ttl: .seconds(60), capacity: 8)
        let hash = [UInt8](repeating: 3, count: 32)
        let generation = cache.lookup(region: .eu, hash: hash).generation
        cache.store(token(1), region: .eu, hash: hash, generation: generation)
        #expect(cache.count == 1)
        let stale = cache.lookup(region: .eu, hash: [UInt8](repeating: 4, count: 32)).generation
        cache.removeAll()
        #expect(cache.lookup(region: .eu, hash: hash).token == nil && cache.count == 0)
        cache.store(token(2), region: .eu, hash: [UInt8](repeating: 4, count: 32), generation: stale)
        #expect(cache.count == 0)
    }

    @Test("Each thread has its own entries; removeAll on one thread empties every thread's")
    func threads() {
        let cache = AccessTokenCache(ttl: .seconds(60), capacity: 8)
        let hash = [UInt8](repeating: 5, count: 32)
        let results = Results()
        let stored = DispatchSemaphore(value: 0)
        let removed = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let worker = Thread {
            cache.store(self.token(3), region: .eu, hash: hash, generation: cache.lookup(region: .eu, hash: hash).generation)
            results.append(cache.lookup(region: .eu, hash: hash).token != nil)
            stored.signal()
            removed.wait()
            results.append(cache.lookup(region: .eu, hash: hash).token != nil)
            done.signal()
        }
        worker.start()
        stored.wait()
        // This thread never saw the token: its entries are its own.
        #expect(cache.lookup(region: .eu, hash: hash).token == nil)
        cache.removeAll()
        removed.signal()
        done.wait()
        #expect(results.values == [true, false])
    }

    @Test("The cache never holds more than its capacity")
    func bounded() {
        let cache = AccessTokenCache(ttl: .seconds(60), capacity: 4)
        for index in 0..<20 {
            let hash = [UInt8](repeating: UInt8(index), count: 32)
            cache.store(token(Int64(index)), region: .eu, hash: hash, generation: cache.lookup(region: .eu, hash: hash).generation)
            #expect(cache.count <= 4)
        }
        #expect(cache.lookup(region: .eu, hash: [UInt8](repeating: 19, count: 32)).token?.agentID == 19)
    }

    @Test("Writes that audit an agent, org or API client empty the process cache when they commit")
    func writesInvalidate() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let (_, agent, actor) = try db.org()
        let hash = [UInt8](repeating: 9, count: 32)
        let shared = AccessTokenCache.shared
        // (Other tests run in parallel and may empty the shared cache too: only the outcome is checked.)
        shared.store(token(agent.id), region: .eu, hash: hash, generation: shared.lookup(region: .eu, hash: hash).generation)
        _ = try db.store().write(actor) { tx in
            try tx.registerAPIClient(name: "x", agentID: agent.id, scopes: [OAuthScope("Desk.tickets.ALL")!])
        }
        #expect(shared.lookup(region: .eu, hash: hash).token == nil)
    }
}

/// What the worker thread saw, handed over under a lock.
private final class Results: @unchecked Sendable {   // `seen` is only touched under `lock`
    private let lock = NSLock()
    private var seen: [Bool] = []

    func append(_ value: Bool) { lock.withLock { seen.append(value) } }
    var values: [Bool] { lock.withLock { seen } }
}
