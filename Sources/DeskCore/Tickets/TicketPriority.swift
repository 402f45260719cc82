/// A ticket's priority.
public enum TicketPriority: String, Sendable, CaseIterable {
    case low = "Low"
    case medium = "Medium"
    case high = "High"
    case urgent = "Urgent"
}
