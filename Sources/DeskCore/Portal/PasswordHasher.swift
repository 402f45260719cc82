import COpenSSL
import Foundation

/// Password hashing with scrypt (OpenSSL `EVP_PBE_scrypt`, DESIGN §6): a random 16-byte salt per
/// password, the cost parameters stored with the hash, and a constant-time comparison.
///
/// Stored form: `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`.
public struct PasswordHasher: Sendable {
    /// log2 of the CPU/memory cost N (15: N = 32768, 32 MiB with r = 8).
    public let logN: Int
    /// The block size.
    public let r: Int
    /// The parallelism.
    public let p: Int

    static let saltBytes = 16
    static let hashBytes = 32

    /// Thrown when OpenSSL refuses the parameters or fails.
    public struct Failure: Error, Equatable {}

    /// The parameters new hashes use.
    public static let standard = PasswordHasher(logN: 15, r: 8, p: 1)

    public init(logN: Int, r: Int, p: Int) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// A new stored hash of `password` with a fresh salt.
    public func hash(_ password: String) throws -> String {
        let salt = try RandomBytes.generate(Self.saltBytes)
        let derived = try Self.derive(password, salt: salt, logN: logN, r: r, p: p)
        return "scrypt$\(logN)$\(r)$\(p)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    /// Whether `password` matches `stored` (false for a malformed stored value). Takes as long as one
    /// derivation with the stored parameters; the final comparison is constant-time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let logN = Int(parts[1]), (10...20).contains(logN),
              let r = Int(parts[2]), (1...32).contains(r),
              let p = Int(parts[3]), (1...16).contains(p),
              let salt = Data(base64Encoded: String(parts[4])),
              let expected = Data(base64Encoded: String(parts[5])), expected.count == hashBytes,
              let derived = try? derive(password, salt: Array(salt), logN: logN, r: r, p: p) else { return false }
        return ConstantTime.equal(derived, Array(expected))
    }

    /// Runs one derivation with the standard parameters and discards it: what a sign-in for an unknown
    /// email does, so that it takes as long as one for a known email.
    public static func spendEquivalentTime(_ password: String) {
        _ = try? derive(password, salt: [UInt8](repeating: 0, count: saltBytes), logN: standard.logN,
                        r: standard.r, p: standard.p)
    }

    private static func derive(_ password: String, salt: [UInt8], logN: Int, r: Int, p: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: hashBytes)
        let passwordBytes = Array(password.utf8)
        let n = UInt64(1) << UInt64(logN)
        // 128·N·r bytes for the main buffer plus 128·r·p, with room to spare.
        let maxMemory = UInt64(128) * n * UInt64(r) * 2 + UInt64(128 * r * p) + 1024 * 1024
        let status = passwordBytes.withUnsafeBufferPointer { pass in
            salt.withUnsafeBufferPointer { saltBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    pass.withMemoryRebound(to: CChar.self) { passChars in
                        EVP_PBE_scrypt(passChars.baseAddress, passChars.count, saltBuffer.baseAddress, saltBuffer.count,
                                       n, UInt64(r), UInt64(p), maxMemory, out.baseAddress, out.count)
                    }
                }
            }
        }
        guard status == 1 else { throw Failure() }
        return output
    }
}
