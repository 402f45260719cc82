import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Log lines collected in memory and written to a file descriptor in batches.
///
/// Every request logs an access line. Writing each line with its own `write(2)` under one lock serialised
/// the worker threads, so lines go to per-thread shards instead (each thread keeps to one shard, so its own
/// lines stay in order; threads rarely share a shard, so appending almost never waits). A flusher thread
/// writes every shard's lines every `interval`; warnings and worse are written at once, together with
/// everything before them; a shard past `maxShardBytes` is written by the appending thread itself
/// (back-pressure, bounded memory). Lines of different threads within one batch may be interleaved out of
/// time order; each line carries its timestamp. Call `flush()` before the process exits.
final class BufferedLogSink: Sendable {
    /// One shard's pending bytes.
    private final class Shard: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    private let descriptor: Int32
    private let maxShardBytes: Int
    private let shards: [Shard]
    private let nextShard = Atomic<Int>(0)
    /// The thread-specific slot holding each thread's shard number + 1.
    private let shardKey: pthread_key_t
    /// Held while batches are taken and written, so they reach the descriptor in order.
    private let writing = Mutex<Void>(())

    /// - Parameters:
    ///   - descriptor: where lines go (standard error by default).
    ///   - interval: how often the flusher thread writes what has accumulated.
    ///   - shardCount: how many shards threads are spread over.
    ///   - maxShardBytes: past this, the appending thread writes the batch itself.
    init(descriptor: Int32 = STDERR_FILENO, interval: Duration = .milliseconds(200), shardCount: Int = 64,
         maxShardBytes: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.maxShardBytes = maxShardBytes
        shards = (0..<max(shardCount, 1)).map { _ in Shard() }
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        shardKey = key
        let thread = Thread { [weak self] in
            while let sink = self {
                sink.flush()
                Thread.sleep(forTimeInterval: interval.seconds)
            }
        }
        thread.name = "deskd-log-flusher"
        thread.start()
    }

    /// Appends one line (a newline is added); writes at once when `urgent` or when the shard is full.
    func append(_ line: String, urgent: Bool) {
        appendLine(urgent: urgent) { bytes in bytes.append(contentsOf: line.utf8) }
    }

    /// Appends one line that `format` writes straight into the calling thread's shard (a newline is
    /// added after it), so a line costs no buffer of its own; writes at once when `urgent` or when the
    /// shard is full. `format` runs under the shard's lock: it must not log.
    func appendLine(urgent: Bool, _ format: (inout [UInt8]) -> Void) {
        let size = currentThreadShard().bytes.withLock { bytes in
            format(&bytes)
            bytes.append(UInt8(ascii: "\n"))
            return bytes.count
        }
        if urgent || size >= maxShardBytes { flush() }
    }

    /// Writes everything buffered so far.
    func flush() {
        writing.withLock { _ in
            var batch: [UInt8] = []
            for shard in shards {
                shard.bytes.withLock { bytes in
                    batch.append(contentsOf: bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            write(batch)
        }
    }

    private func write(_ batch: [UInt8]) {
        batch.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }  // nowhere to log to: drop rather than block the server
                offset += written
            }
        }
    }

    /// The calling thread's shard, assigned round-robin on its first line.
    private func currentThreadShard() -> Shard {
        if let slot = pthread_getspecific(shardKey) {
            return shards[Int(bitPattern: slot) - 1]
        }
        let index = nextShard.wrappingAdd(1, ordering: .relaxed).oldValue % shards.count
        pthread_setspecific(shardKey, UnsafeRawPointer(bitPattern: index + 1))
        return shards[index]
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
