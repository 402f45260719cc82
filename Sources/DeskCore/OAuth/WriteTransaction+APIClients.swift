import Foundation
import MariaDB

extension WriteTransaction {
    /// Registers an API client of the org acting as `agentID` with `scopes`: a random public client id
    /// and a secret of 32 random bytes, returned once (only its SHA-256 is stored). Audited as 'create'
    /// of an `apiclient` record (name, clientId, scopes, agentId; never the secret).
    ///
    /// - Throws: `StoreError.invalid` for an empty or over-long name ("name"), no scopes ("scopes"), or an
    ///   agent that is not a live, active agent of the org ("agentId").
    public func registerAPIClient(name: String, agentID: Int64, scopes: [OAuthScope]) throws -> RegisteredAPIClient {
        try Validation.text(name, field: "name", max: 200)
        guard !scopes.isEmpty else { throw StoreError.invalid(field: "scopes", reason: "at least one scope is required") }
        let scopeText = OAuthScope.text(scopes)
        guard scopeText.utf8.count <= 2000 else { throw StoreError.invalid(field: "scopes", reason: "too many scopes") }
        guard let agent = try store.agent(id: agentID, in: orgID), agent.isActive else {
            throw StoreError.invalid(field: "agentId", reason: "must be an active agent of the org")
        }
        let id = store.ids.next()
        let clientID = try OAuthCredentialText.newClientID()
        let secret = try OAuthCredentialText.newSecret()
        try connection.execute("""
            INSERT INTO api_clients (org_id, id, name, client_id, client_secret_hash, scopes, agent_id,
                                     created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(name), \(clientID), \(secret.hash), \(scopeText), \(agent.id), \(now), \(now), 1)
            """)
        try audit(.create, "apiclient", id, [
            FieldChange(field: "name", old: nil, new: name),
            FieldChange(field: "clientId", old: nil, new: clientID),
            FieldChange(field: "scopes", old: nil, new: scopeText),
            FieldChange(field: "agentId", old: nil, new: String(agent.id)),
        ])
        let client = APIClient(id: id, orgID: orgID, name: name, clientID: clientID, scopes: scopes,
                               agentID: agent.id, createdAt: now, updatedAt: now, version: 1)
        return RegisteredAPIClient(client: client, clientSecret: secret.text)
    }

    /// Revokes an API client: marks it deleted (version + 1) and revokes its refresh tokens and its live
    /// access tokens at once, so the client can neither call the API nor get new tokens. Audited as
    /// 'delete' (which also empties this process's token cache when the write commits; other deskd
    /// processes stop accepting the client's tokens within ``AccessTokenCache/ttl``).
    ///
    /// - Throws: `StoreError.notFound` when `id` is not a live client of the org.
    public func revokeAPIClient(_ id: Int64) throws {
        guard let row = try connection.queryFirst("""
            SELECT client_id FROM api_clients WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """) else { throw StoreError.notFound }
        let clientID: String = try row.decode("client_id")
        try connection.execute("""
            UPDATE api_clients SET deleted_at = \(now), deleted_by = \(actor.agentID), updated_at = \(now),
                                   version = version + 1
            WHERE org_id = \(orgID) AND id = \(id)
            """)
        try connection.execute("""
            UPDATE refresh_tokens SET revoked_at = \(now) WHERE client_id = \(clientID) AND revoked_at IS NULL
            """)
        try connection.execute("""
            UPDATE access_tokens SET revoked_at = \(now) WHERE client_id = \(clientID) AND revoked_at IS NULL
            """)
        try audit(.delete, "apiclient", id, [FieldChange(field: "clientId", old: clientID, new: nil)])
    }
}
