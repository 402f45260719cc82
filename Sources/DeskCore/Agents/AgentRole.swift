/// What an agent may do in its org.
public enum AgentRole: String, Sendable, CaseIterable {
    case administrator = "Administrator"
    case agent = "Agent"
}
