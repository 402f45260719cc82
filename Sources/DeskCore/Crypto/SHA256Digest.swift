import COpenSSL

/// SHA-256 through OpenSSL's libcrypto.
public enum SHA256Digest {
    /// The SHA-256 implementation, fetched from the default provider once. OpenSSL's one-shot `SHA256()`
    /// looks the algorithm up by name on every call, under a lock shared by all threads; an access token
    /// is hashed on every API request.
    private nonisolated(unsafe) static let algorithm: OpaquePointer = {
        guard let algorithm = EVP_MD_fetch(nil, "SHA2-256", nil) else {
            fatalError("OpenSSL has no SHA2-256 in its default provider")
        }
        return algorithm
    }()

    /// The digest of `bytes` as 32 raw bytes.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let digest = bytes.withContiguousStorageIfAvailable { hash(contiguous: $0) }
        return digest ?? Array(bytes).withUnsafeBufferPointer { hash(contiguous: $0) }
    }

    private static func hash(contiguous input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Int(SHA256_DIGEST_LENGTH)) { output, count in
            var length: UInt32 = 0
            guard EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, algorithm, nil) == 1,
                  length == SHA256_DIGEST_LENGTH else {
                fatalError("SHA-256 failed in OpenSSL")
            }
            count = Int(length)
        }
    }

    /// The digest of `bytes` as 64 lowercase hex characters.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hash(bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
