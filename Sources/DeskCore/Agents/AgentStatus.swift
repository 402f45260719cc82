/// Whether an agent may work: Zoho Desk's `status` values.
public enum AgentStatus: String, Sendable, CaseIterable {
    case active = "ACTIVE"
    case disabled = "DISABLED"
}
