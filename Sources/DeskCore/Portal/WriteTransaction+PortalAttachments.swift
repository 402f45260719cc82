extension WriteTransaction {
    /// Stores an end user's file as a public attachment of their ticket (and of one of its threads or
    /// comments): the metadata row, with the contact as creator, and its chunks of at most 256 KiB;
    /// audited 'create' (record type "attachment") with its fields. The caller has locked the ticket.
    @discardableResult
    func insertPortalAttachment(_ file: AttachmentFile, owner: PortalTicketOwner, ticketID: Int64, threadID: Int64?,
                                commentID: Int64?) throws -> Attachment {
        try storeAttachment(file, at: AttachmentPlace(ticketID: ticketID, threadID: threadID, commentID: commentID),
                            isPublic: true, creatorID: owner.contactID, expiresAt: nil)
    }
}
