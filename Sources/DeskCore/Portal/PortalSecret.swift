import Foundation

/// A secret handed to a browser (session cookie) or sent by email (verification and reset links): 32
/// random bytes as 43 base64url characters. Only its SHA-256 is stored.
public struct PortalSecret: Sendable, Equatable {
    /// The text the browser or the email carries.
    public let text: String
    /// The SHA-256 of the bytes: what the database holds.
    public let hash: [UInt8]

    static let byteCount = 32

    /// A new random secret.
    public static func generate() throws -> PortalSecret {
        let bytes = try RandomBytes.generate(byteCount)
        return PortalSecret(text: Base64URL.encode(bytes), hash: SHA256Digest.hash(bytes))
    }

    /// The hash of a well-formed secret text, else nil.
    public static func hash(of text: String) -> [UInt8]? {
        guard text.utf8.count == 43, let bytes = Base64URL.decode(text), bytes.count == byteCount else { return nil }
        return SHA256Digest.hash(bytes)
    }
}

/// Base64url without padding (RFC 4648 §5).
public enum Base64URL {
    /// Encodes `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes `text`, or nil when it is not base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
