/// Which privacy requests a queue lists: all, or one status.
public struct PrivacyRequestFilter: Sendable, Equatable {
    /// Only requests with this status; nil lists every status.
    public var status: PrivacyRequestStatus?

    public init(status: PrivacyRequestStatus? = nil) {
        self.status = status
    }
}
