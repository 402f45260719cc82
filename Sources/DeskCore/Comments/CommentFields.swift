/// A comment's audited fields as text, by API field name, in a fixed order.
enum CommentFields {
    static func values(ticketID: Int64, content: String, contentType: MessageContentType, isPublic: Bool,
                       commenterID: Int64) -> [(field: String, value: String?)] {
        [
            ("ticketId", String(ticketID)),
            ("content", content),
            ("contentType", contentType.rawValue),
            ("isPublic", String(isPublic)),
            ("commenterId", String(commenterID)),
        ]
    }

    static func values(of comment: TicketComment) -> [(field: String, value: String?)] {
        values(ticketID: comment.ticketID, content: comment.content, contentType: comment.contentType,
               isPublic: comment.isPublic, commenterID: comment.commenterID)
    }
}
