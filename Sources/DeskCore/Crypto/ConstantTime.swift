import COpenSSL

/// Comparisons whose duration does not depend on where the inputs differ (OpenSSL `CRYPTO_memcmp`).
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Lengths are compared openly (they are public, e.g. both
    /// SHA-256 digests); the contents are compared in constant time.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
