import Foundation
import MariaDB

/// Counts failed help-center sign-ins per account (org + email) and per client address in MariaDB, so
/// every responder sees the same counts. Keys are stored as SHA-256 hashes: no email or address in clear.
///
/// The address count is kept per help center (org + address): an attack on one tenant's help center
/// does not lock the people behind the same address (an office NAT) out of every other tenant's. nginx's
/// `limit_req` on sign-in POSTs bounds an address across all help centers.
public struct SignInThrottle: Sendable {
    /// The limits and window (``PortalConfig``).
    public let accountLimit: Int
    public let addressLimit: Int
    public let windowSeconds: Int

    public init(config: PortalConfig) {
        accountLimit = config.signInAccountFailures
        addressLimit = config.signInAddressFailures
        windowSeconds = config.signInWindowSeconds
    }

    public init(accountLimit: Int, addressLimit: Int, windowSeconds: Int) {
        self.accountLimit = accountLimit
        self.addressLimit = addressLimit
        self.windowSeconds = windowSeconds
    }

    /// Whether sign-in attempts for this account or from this address are refused right now.
    public func isBlocked(org: Int64, email: String, address: String, store: Store) throws -> Bool {
        let since = Store.now().addingTimeInterval(-Double(windowSeconds))
        let rows = try store.connection.query("""
            SELECT scope, failures FROM portal_signin_failures
            WHERE ((scope = 'account' AND key_hash = \(Self.accountKey(org: org, email: email)))
                OR (scope = 'address' AND key_hash = \(Self.addressKey(org: org, address))))
              AND window_started_at > \(since)
            """)
        for row in rows {
            let scope: String = try row.decode("scope")
            let failures: Int = try row.decode("failures")
            if scope == "account" && failures >= accountLimit { return true }
            if scope == "address" && failures >= addressLimit { return true }
        }
        return false
    }

    /// Counts one failed attempt for the account and the address (a window older than `windowSeconds`
    /// starts again at 1).
    public func recordFailure(org: Int64, email: String, address: String, store: Store) throws {
        let now = Store.now()
        let since = now.addingTimeInterval(-Double(windowSeconds))
        for (scope, key) in [("account", Self.accountKey(org: org, email: email)), ("address", Self.addressKey(org: org, address))] {
            try store.connection.execute("""
                INSERT INTO portal_signin_failures (scope, key_hash, window_started_at, failures)
                VALUES (\(scope), \(key), \(now), 1)
                ON DUPLICATE KEY UPDATE failures = IF(window_started_at <= \(since), 1, failures + 1),
                                        window_started_at = IF(window_started_at <= \(since), \(now), window_started_at)
                """)
        }
    }

    /// Forgets the account's failures (after a successful sign-in). The address count stays.
    public func clearAccount(org: Int64, email: String, store: Store) throws {
        try store.connection.execute("""
            DELETE FROM portal_signin_failures WHERE scope = 'account' AND key_hash = \(Self.accountKey(org: org, email: email))
            """)
    }

    static func accountKey(org: Int64, email: String) -> [UInt8] {
        SHA256Digest.hash(Array("account:\(org):\(PortalUser.normalize(email: email))".utf8))
    }

    static func addressKey(org: Int64, _ address: String) -> [UInt8] {
        SHA256Digest.hash(Array("address:\(org):\(address)".utf8))
    }
}
