import DeskCore
import DeskHTTP

/// Checks of the account forms' fields; each problem is a catalog key shown next to its field.
enum AccountForms {
    /// The longest password accepted (scrypt reads it all).
    static let maxPasswordLength = 1024

    static func emailError(_ email: String) -> String? {
        if email.isEmpty { return "account.errorEmailRequired" }
        let at = email.firstIndex(of: "@")
        guard email.utf8.count <= 255, let at, at != email.startIndex, email[email.index(after: at)...].contains("."),
              !email.contains(where: { $0.isWhitespace }) else { return "account.errorEmailInvalid" }
        return nil
    }

    static func nameError(_ name: String) -> String? {
        if name.isEmpty { return "account.errorNameRequired" }
        if name.count > 100 { return "account.errorNameTooLong" }
        return nil
    }

    static func newPasswordError(_ password: String, config: PortalConfig) -> String? {
        if password.count < config.minPasswordLength { return "account.errorPasswordShort" }
        if password.count > maxPasswordLength { return "account.errorPasswordLong" }
        return nil
    }

    /// The absolute URL of a help-center page for links in emails (the region host the request came to).
    static func link(_ request: PortalRequest, _ relative: String) -> String {
        "https://\(request.http.host)\(request.path(relative))"
    }
}
