/// What the sign-up form gives: a display name, an email and the password's hash (never the password).
public struct PortalSignUp: Sendable, Equatable {
    /// The name as typed, stored as the new contact's last name (1…100 characters).
    public var name: String
    public var email: String
    /// ``PasswordHasher`` output.
    public var passwordHash: String
    /// `en` or `ja` (the page's language at sign-up), or nil.
    public var language: String?

    public init(name: String, email: String, passwordHash: String, language: String? = nil) {
        self.name = name
        self.email = email
        self.passwordHash = passwordHash
        self.language = language
    }
}

/// The result of a sign-up: a new account, or the account that already had this email (nothing
/// written — the caller answers exactly as for a new one and tells the owner by email).
public enum SignUpOutcome: Sendable, Equatable {
    /// A new portal user; `linkedExistingContact` when a contact with this email existed and was linked.
    case created(PortalUser, linkedExistingContact: Bool)
    /// The email was already registered in this org.
    case alreadyRegistered(PortalUser)
}

/// Why a one-time token is sent by email.
public enum PortalTokenPurpose: String, Sendable, CaseIterable {
    /// Email verification after sign-up.
    case verify
    /// Password reset.
    case reset
}
