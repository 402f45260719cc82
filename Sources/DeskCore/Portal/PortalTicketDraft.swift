/// A ticket an end user submits in the help center.
public struct PortalTicketDraft: Sendable {
    /// 1…255 characters, not only white space.
    public var subject: String
    /// At most 65535 characters; empty means none.
    public var description: String
    /// One of ``Store/portalTicketDepartments(in:)``, or nil.
    public var departmentID: Int64?
    /// Files to attach to the ticket (public), in order; at most ``PortalAttachmentLimits/maxFiles``.
    public var files: [AttachmentFile]

    public init(subject: String, description: String = "", departmentID: Int64? = nil, files: [AttachmentFile] = []) {
        self.subject = subject
        self.description = description
        self.departmentID = departmentID
        self.files = files
    }
}

/// A reply or a comment an end user writes on their ticket.
public struct PortalMessageDraft: Sendable {
    /// Plain text, 1…65535 characters, not only white space.
    public var content: String
    /// Files to attach to the message, in order; at most ``PortalAttachmentLimits/maxFiles``.
    public var files: [AttachmentFile]

    public init(content: String, files: [AttachmentFile] = []) {
        self.content = content
        self.files = files
    }
}
