/// What kind of party acts: recorded as the audit entry's `actor_type`.
public enum ActorKind: String, Sendable, CaseIterable {
    /// An agent, through the API (the actor id is the agent id).
    case agent
    /// An end user of the help center (the actor id is their contact id).
    case endUser = "enduser"
    /// deskd itself: the CLI, jobs, and help-center steps taken before anyone is signed in (actor id 0).
    case system
}

/// Who makes a change: an agent of an org, an end user of its help center, or the system, within one
/// request.
public struct Actor: Sendable, Equatable {
    /// The org every read and write of this actor is confined to.
    public let orgID: Int64
    /// The acting agent (0 for the system and for end users).
    public let agentID: Int64
    /// The request id written into audit entries ("" when there is none).
    public let requestID: String
    /// What the actor may do: its profile's rights, its reach per module and its field settings
    /// (everything for the system actor, nothing for an end user).
    public let access: AgentAccess
    /// Agent, end user or system.
    public let kind: ActorKind
    /// The end user's contact id (`kind == .endUser`), else nil.
    public let endUserContactID: Int64?

    public init(orgID: Int64, agentID: Int64, requestID: String, access: AgentAccess = .everything) {
        self.init(orgID: orgID, agentID: agentID, requestID: requestID, access: access,
                  kind: agentID == 0 ? .system : .agent, endUserContactID: nil)
    }

    private init(orgID: Int64, agentID: Int64, requestID: String, access: AgentAccess, kind: ActorKind,
                 endUserContactID: Int64?) {
        self.orgID = orgID
        self.agentID = agentID
        self.requestID = requestID
        self.access = access
        self.kind = kind
        self.endUserContactID = endUserContactID
    }

    /// An end user of the help center, identified by their contact. They hold no agent rights
    /// (``AgentAccess/nothing``): what they may read and write is decided by the end-user store functions.
    public static func endUser(org: Int64, contactID: Int64, requestID: String) -> Actor {
        Actor(orgID: org, agentID: 0, requestID: requestID, access: .nothing, kind: .endUser,
              endUserContactID: contactID)
    }

    /// The id recorded as the audit entry's `actor_id`: the agent id, the end user's contact id, or 0.
    public var auditActorID: Int64 {
        kind == .endUser ? (endUserContactID ?? 0) : agentID
    }

    /// The same actor with another request id.
    public func with(requestID: String) -> Actor {
        Actor(orgID: orgID, agentID: agentID, requestID: requestID, access: access, kind: kind,
              endUserContactID: endUserContactID)
    }

    /// The same actor with its resolved access.
    public func with(access: AgentAccess) -> Actor {
        Actor(orgID: orgID, agentID: agentID, requestID: requestID, access: access, kind: kind,
              endUserContactID: endUserContactID)
    }
}
