/// How a file's bytes are cut into chunk rows (DESIGN §3): pieces of exactly ``size`` bytes, the last one
/// shorter; a file of 0 bytes has no chunk.
public enum AttachmentChunking {
    /// 256 KiB.
    public static let size = 256 * 1024

    /// The ranges of `count` bytes, in order.
    public static func ranges(count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
