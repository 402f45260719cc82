import DeskCore
import Foundation

/// CSRF tokens of help-center forms (hidden `_csrf`). Signed in: derived from the session's CSRF
/// secret. Before sign-in: derived from the pre-session cookie (a random value in an HttpOnly
/// `__Host-` cookie), so an attacker's page can neither read nor set it.
enum CSRF {
    /// The form field name.
    static let field = "_csrf"

    /// The token for a signed-in session.
    static func token(sessionSecret: [UInt8]) -> String {
        Base64URL.encode(SHA256Digest.hash(Array("deskd-csrf:".utf8) + sessionSecret))
    }

    /// The token for a pre-session cookie value.
    static func token(preSession: String) -> String {
        Base64URL.encode(SHA256Digest.hash(Array("deskd-csrf-pre:\(preSession)".utf8)))
    }

    /// Whether `submitted` equals `expected` (constant time).
    static func matches(_ submitted: String?, _ expected: String?) -> Bool {
        guard let submitted, let expected, !expected.isEmpty else { return false }
        return ConstantTime.equal(Array(submitted.utf8), Array(expected.utf8))
    }
}
