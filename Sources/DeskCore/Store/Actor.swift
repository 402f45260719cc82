/// Who makes a change: an agent of an org, within one request.
public struct Actor: Sendable, Equatable {
    /// The org every read and write of this actor is confined to.
    public let orgID: Int64
    /// The acting agent (0 for the system, e.g. CLI onboarding).
    public let agentID: Int64
    /// The request id written into audit entries ("" when there is none).
    public let requestID: String
    /// What the actor may do: its profile's rights, its reach per module and its field settings
    /// (everything for the system actor).
    public let access: AgentAccess

    public init(orgID: Int64, agentID: Int64, requestID: String, access: AgentAccess = .everything) {
        self.orgID = orgID
        self.agentID = agentID
        self.requestID = requestID
        self.access = access
    }

    /// The same actor with another request id.
    public func with(requestID: String) -> Actor {
        Actor(orgID: orgID, agentID: agentID, requestID: requestID, access: access)
    }

    /// The same actor with its resolved access.
    public func with(access: AgentAccess) -> Actor {
        Actor(orgID: orgID, agentID: agentID, requestID: requestID, access: access)
    }
}
