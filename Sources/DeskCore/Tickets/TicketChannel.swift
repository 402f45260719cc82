/// Where a ticket came from.
public enum TicketChannel: String, Sendable, CaseIterable {
    case email = "Email"
    case phone = "Phone"
    case web = "Web"
    case chat = "Chat"
    case forums = "Forums"
}
