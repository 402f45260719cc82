/// How many files, and how large, an end user may attach to one ticket, reply or comment.
public struct PortalAttachmentLimits: Sendable, Equatable {
    /// The most files per ticket, reply or comment.
    public static let maxFiles = 10

    /// The largest file, in bytes (the configured `[attachments] max_bytes`).
    public let maxFileBytes: Int

    public init(maxFileBytes: Int) {
        self.maxFileBytes = maxFileBytes
    }

    /// Throws ``PortalAttachmentTooLarge`` for the first file over ``maxFileBytes``, and
    /// `StoreError.invalid(field: "attachments")` for more than ``maxFiles`` files.
    func check(_ files: [AttachmentFile]) throws {
        guard files.count <= Self.maxFiles else {
            throw StoreError.invalid(field: "attachments", reason: "must be at most \(Self.maxFiles) files")
        }
        if let index = files.firstIndex(where: { $0.bytes.count > maxFileBytes }) {
            throw PortalAttachmentTooLarge(index: index, maxFileBytes: maxFileBytes)
        }
    }
}

/// A file an end user attached is larger than the configured limit; nothing of the request is written.
public struct PortalAttachmentTooLarge: Error, Equatable, Sendable {
    /// The position of the file among the request's files (0-based).
    public let index: Int
    /// The limit, in bytes.
    public let maxFileBytes: Int

    public init(index: Int, maxFileBytes: Int) {
        self.index = index
        self.maxFileBytes = maxFileBytes
    }
}
