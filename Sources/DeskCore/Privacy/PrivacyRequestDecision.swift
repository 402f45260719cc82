import Foundation

/// The decision on a privacy request: who decided, when, and an optional reason shown to the end user.
public struct PrivacyRequestDecision: Sendable, Equatable {
    /// The deciding agent.
    public let decidedBy: Int64
    public let decidedAt: Date
    /// Free text from the agent, e.g. why a request was rejected.
    public let reason: String?

    public init(decidedBy: Int64, decidedAt: Date, reason: String?) {
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
    }

    /// The longest reason accepted, in characters.
    public static let maxReason = 2000
}
