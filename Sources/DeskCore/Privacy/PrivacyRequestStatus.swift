/// Where a privacy request (an email change or an erasure) stands in the admin queue.
public enum PrivacyRequestStatus: String, Sendable, CaseIterable {
    /// Waiting for an agent's decision; at most one per portal user and kind.
    case pending
    /// An agent approved it.
    case approved
    /// An agent rejected it, optionally with a reason.
    case rejected
}
