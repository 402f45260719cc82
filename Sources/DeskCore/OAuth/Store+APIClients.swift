import Foundation
import MariaDB

extension Store {
    /// A live API client by its public client id (nil when unknown, deleted, or its org is trashed).
    public func apiClient(clientID: String) throws -> APIClient? {
        guard clientID.utf8.count <= 64 else { return nil }
        return try connection.queryFirst("""
            SELECT \(APIClient.columns) FROM api_clients
            WHERE client_id = \(clientID) AND deleted_at IS NULL
            """).map(APIClient.init(row:))
    }

    /// The org's live API clients, oldest first.
    public func apiClients(in org: Int64) throws -> [APIClient] {
        try connection.query("""
            SELECT \(APIClient.columns) FROM api_clients
            WHERE org_id = \(org) AND deleted_at IS NULL ORDER BY created_at, id
            """).map(APIClient.init(row:))
    }

    /// The live client whose secret is `clientSecret`, or `OAuthError.invalidClient`.
    ///
    /// The secret's SHA-256 is compared with the stored one in constant time; an unknown client id is
    /// compared against a dummy digest, so the answer takes as long either way.
    func authenticateClient(clientID: String, clientSecret: String) throws -> APIClient {
        var row: Row?
        // Client ids are ASCII (the column is): other text cannot match, and comparing it would be an
        // illegal mix of collations.
        if clientID.utf8.count <= 64, clientID.utf8.allSatisfy({ $0 < 0x80 }) {
            row = try connection.queryFirst("""
                SELECT \(APIClient.columns), client_secret_hash FROM api_clients c
                WHERE c.client_id = \(clientID) AND c.deleted_at IS NULL
                  AND EXISTS (SELECT 1 FROM orgs o WHERE o.id = c.org_id AND o.deleted_at IS NULL)
                """)
        }
        let stored: [UInt8] = try row?.decode("client_secret_hash", as: [UInt8].self) ?? Self.dummyDigest
        let presented = OAuthCredentialText.hash(ofPresented: clientSecret) ?? SHA256Digest.hash(Array(clientSecret.utf8))
        let matches = ConstantTime.equal(stored, presented)
        guard matches, let row else { throw OAuthError.invalidClient }
        return try APIClient(row: row)
    }

    /// A digest no secret has in practice: compared against when the client id is unknown.
    private static let dummyDigest = [UInt8](repeating: 0, count: 32)
}
