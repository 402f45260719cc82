/// A ticket's classification (Zoho Desk's default set).
public enum TicketClassification: String, Sendable, CaseIterable {
    case question = "Question"
    case problem = "Problem"
    case request = "Request"
    case others = "Others"
}
