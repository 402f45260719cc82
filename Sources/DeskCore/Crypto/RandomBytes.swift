import COpenSSL

/// Cryptographically secure random bytes from OpenSSL (`RAND_bytes`).
public enum RandomBytes {
    /// Thrown when OpenSSL's generator fails (not seeded); never silently weaker randomness.
    public struct Failure: Error, Equatable {}

    /// `count` random bytes.
    public static func generate(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard status == 1 else { throw Failure() }
        return bytes
    }
}
