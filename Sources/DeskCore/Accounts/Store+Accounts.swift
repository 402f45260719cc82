import Foundation
import MariaDB

extension Store {
    /// A live account of the org; nil when unknown, another org's, or in the recycle bin.
    public func account(_ id: Int64, in org: Int64) throws -> Account? {
        try Account.decode(one: connection.queryFirst("""
            SELECT \(Account.readColumns(org: org)) FROM accounts WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """), org: org, connection: connection)
    }

    /// A page of the org's live accounts in `sort` order (ties by id).
    public func accounts(in org: Int64, page: Page, sort: AccountSort = .createdTime) throws -> [Account] {
        try page.validate()
        let direction = sort.descending ? "DESC" : "ASC"
        return try Account.decode(connection.query("""
            SELECT \(Account.readColumns(org: org)) FROM accounts WHERE org_id = \(org) AND deleted_at IS NULL
            ORDER BY \(unsafeRaw: sort.field.column) \(unsafeRaw: direction), id \(unsafeRaw: direction)
            \(page.sql)
            """), org: org, connection: connection)   // allow-listed: AccountSort.Field.column and ASC/DESC
    }

    /// How many live accounts the org has.
    public func accountCount(in org: Int64) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM accounts WHERE org_id = \(org) AND deleted_at IS NULL
            """)?.decode("n") ?? 0
    }

    /// The org's live accounts whose name or email starts with `query` (case-insensitive, `%` and `_` match
    /// literally), by name then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchAccounts(in org: Int64, query: String, page: Page) throws -> [Account] {
        try page.validate()
        let pattern = try PrefixSearch(query).pattern
        return try Account.decode(connection.query("""
            SELECT \(Account.readColumns(org: org)) FROM accounts
            WHERE org_id = \(org) AND deleted_at IS NULL
                AND (account_name LIKE \(pattern) ESCAPE '!' OR email LIKE \(pattern) ESCAPE '!')
            ORDER BY account_name, id \(page.sql)
            """), org: org, connection: connection)
    }
}
