import Foundation

/// A valid access token as the auth step sees it: who it acts for, what it may do, and until when.
public struct AuthenticatedToken: Sendable, Equatable {
    public let orgID: Int64
    public let agentID: Int64
    /// The scopes the token holds.
    public let scope: TokenScope
    /// The `client_id` of the API client that got the token; nil for `deskd token create` tokens.
    public let clientID: String?
    /// When the token stops working.
    public let expiresAt: Date

    public init(orgID: Int64, agentID: Int64, scope: TokenScope, clientID: String?, expiresAt: Date) {
        self.orgID = orgID
        self.agentID = agentID
        self.scope = scope
        self.clientID = clientID
        self.expiresAt = expiresAt
    }

    /// The actor of a request made with this token.
    public func actor(requestID: String) -> Actor {
        Actor(orgID: orgID, agentID: agentID, requestID: requestID)
    }
}
