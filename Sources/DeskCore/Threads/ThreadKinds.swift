/// Which way a thread went: `in` from the customer, `out` from an agent.
public enum ThreadDirection: String, Sendable, CaseIterable {
    case incoming = "in"
    case outgoing = "out"
}

/// The channel a reply is sent through (Zoho Desk's thread `channel`).
public enum ThreadChannel: String, Sendable, CaseIterable {
    case email = "EMAIL"
    case forums = "FORUMS"
    case chat = "CHAT"
    /// A reply an end user wrote in the help center (agents cannot send through it).
    case web = "WEB"

    /// The channels an agent's reply can be sent through.
    public static let agentReplyChannels: [ThreadChannel] = [.email, .forums, .chat]
}

/// Who wrote a thread or a comment.
public enum AuthorType: String, Sendable, CaseIterable {
    case agent = "AGENT"
    case endUser = "END_USER"
}

/// Who can see a thread: everyone on the ticket, or agents only.
public enum ThreadVisibility: String, Sendable, CaseIterable {
    case `public`
    case `private`
}
