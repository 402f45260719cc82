/// Thrown by ``WriteTransaction/linkUploads(_:toTicket:thread:comment:)`` when an id of `attachmentIds`
/// cannot be linked: unknown, another org's or another agent's, expired, already linked, or repeated.
/// The transaction then rolls back, so nothing of the request is written.
public struct UploadLinkError: Error, Equatable, Sendable {
    /// The position of the id in the request's list (0-based).
    public let index: Int

    public init(index: Int) {
        self.index = index
    }
}
