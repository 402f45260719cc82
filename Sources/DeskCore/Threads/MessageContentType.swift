/// The format of a thread's or a comment's content (Zoho Desk's `contentType`).
public enum MessageContentType: String, Sendable, CaseIterable {
    case plainText
    case html
}
