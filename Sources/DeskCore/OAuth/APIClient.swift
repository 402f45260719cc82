import Foundation
import MariaDB

/// An OAuth 2.0 API client of an org: it exchanges its `clientID` and secret for access tokens of
/// `agentID`, within `scopes`. The secret itself is never stored (only its SHA-256).
public struct APIClient: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let name: String
    /// The public identifier, e.g. `1000.7Q2K…`.
    public let clientID: String
    /// The scopes the client may ask for, e.g. `Desk.tickets.ALL`.
    public let scopes: [OAuthScope]
    /// The agent the client acts as.
    public let agentID: Int64
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    public init(id: Int64, orgID: Int64, name: String, clientID: String, scopes: [OAuthScope], agentID: Int64,
                createdAt: Date, updatedAt: Date, version: Int64) {
        self.id = id
        self.orgID = orgID
        self.name = name
        self.clientID = clientID
        self.scopes = scopes
        self.agentID = agentID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    init(row: Row) throws {
        let scopeText: String = try row.decode("scopes")
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), name: try row.decode("name"),
                  clientID: try row.decode("client_id"), scopes: OAuthScope.parseStored(scopeText),
                  agentID: try row.decode("agent_id"), createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
    }

    static let columns: SQL = "org_id, id, name, client_id, scopes, agent_id, created_at, updated_at, version"
}

/// A newly registered client with its secret: the only moment the secret exists in clear.
public struct RegisteredAPIClient: Sendable {
    public let client: APIClient
    /// 64 hex characters (32 random bytes); show it once, it cannot be recovered.
    public let clientSecret: String
}
