import COpenSSL

/// SHA-256 through OpenSSL's libcrypto.
public enum SHA256Digest {
    /// The digest of `bytes` as 32 raw bytes.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let input = Array(bytes)
        input.withUnsafeBufferPointer { buffer in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(buffer.baseAddress, buffer.count, output.baseAddress)
            }
        }
        return digest
    }

    /// The digest of `bytes` as 64 lowercase hex characters.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hash(bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
