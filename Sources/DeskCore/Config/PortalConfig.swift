/// `[portal]`: the help center's sessions, one-time tokens and sign-in throttling.
public struct PortalConfig: Sendable, Equatable {
    /// A session ends after this many seconds without a request (sliding). Default 1800 (30 min).
    public var sessionIdleSeconds: Int = 1800
    /// A session ends this many seconds after sign-in, used or not. Default 43200 (12 h).
    public var sessionAbsoluteSeconds: Int = 43_200
    /// How long an email verification link works, in seconds. Default 172800 (48 h).
    public var verificationTokenSeconds: Int = 172_800
    /// How long a password reset link works, in seconds. Default 3600 (1 h).
    public var resetTokenSeconds: Int = 3600
    /// Failed sign-ins to one account within the window before further attempts are refused (429).
    /// Default 5.
    public var signInAccountFailures: Int = 5
    /// Failed sign-ins from one client address within the window before further attempts are refused
    /// (429). Default 20.
    public var signInAddressFailures: Int = 20
    /// The throttling window, in seconds. Default 900 (15 min).
    public var signInWindowSeconds: Int = 900
    /// The shortest password accepted at sign-up and reset. Default 10.
    public var minPasswordLength: Int = 10

    public init() {}
}
