/// Why a privacy request cannot be created or decided (beyond `StoreError`).
public enum PrivacyRequestRefusal: Error, Equatable, Sendable {
    /// The portal user already has a pending request of this kind; it must be decided first.
    case pendingExists(requestID: Int64)
    /// The request was already approved or rejected; a decision is final.
    case alreadyDecided(PrivacyRequestStatus)
    /// The requested email belongs to another portal user of the org (checked on request and again on
    /// approval).
    case emailTaken
}

extension PrivacyRequestRefusal: CustomStringConvertible {
    /// A message for operators and clients; it names no personal data.
    public var description: String {
        switch self {
        case .pendingExists: "a request of this kind is already pending"
        case .alreadyDecided(let status): "the request is already \(status.rawValue)"
        case .emailTaken: "the email address is used by another account"
        }
    }
}
