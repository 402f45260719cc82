/// Generated OAuth identifiers and secrets.
enum OAuthCredentialText {
    /// Base32 without padding: 32 symbols, so a random byte's low 5 bits pick one without bias.
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// A new public client id in Zoho's shape: `1000.` and 30 random base32 characters (150 bits).
    static func newClientID() throws -> String {
        let bytes = try RandomBytes.generate(30)
        return "1000." + String(decoding: bytes.map { alphabet[Int($0 & 0x1f)] }, as: UTF8.self)
    }

    /// A new secret (client secret or refresh token): 32 random bytes as 64 hex characters, and the
    /// SHA-256 of those bytes, which is all that is stored.
    static func newSecret() throws -> (text: String, hash: [UInt8]) {
        let bytes = try RandomBytes.generate(AccessTokenText.byteCount)
        return (AccessTokenText.encode(bytes), SHA256Digest.hash(bytes))
    }

    /// The stored hash of a secret as presented, or nil when it is not 64 hex characters.
    static func hash(ofPresented text: String) -> [UInt8]? {
        AccessTokenText.decode(text).map { SHA256Digest.hash($0) }
    }
}
