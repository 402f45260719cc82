import DeskHTTP

/// The help center's cookies. Every one is `__Host-` (Secure, Path=/, no Domain: bound to the exact
/// host), and the session cookies are HttpOnly and SameSite=Lax.
enum PortalCookies {
    /// The session token (32 random bytes, base64url).
    static let session = "__Host-deskd_session"
    /// Before sign-in: a random value the CSRF tokens of the sign-in, sign-up and reset forms are tied to.
    static let preSession = "__Host-deskd_presession"

    /// A `Set-Cookie` value; `maxAge` nil: a browser-session cookie; 0 deletes it.
    static func header(_ name: String, _ value: String, maxAge: Int? = nil, httpOnly: Bool = true) -> String {
        var text = "\(name)=\(value); Path=/; Secure; SameSite=Lax"
        if httpOnly { text += "; HttpOnly" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        return text
    }

    /// A header that deletes the cookie.
    static func deletion(_ name: String) -> String {
        header(name, "", maxAge: 0)
    }
}
