import Foundation
import MariaDB

extension Store {
    /// A live contact of the org; nil when unknown, another org's, or in the recycle bin.
    public func contact(_ id: Int64, in org: Int64) throws -> Contact? {
        try Contact.decode(one: connection.queryFirst("""
            SELECT \(Contact.readColumns(org: org)) FROM contacts WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """), org: org, connection: connection)
    }

    /// A page of the org's live contacts in `sort` order (ties by id).
    public func contacts(in org: Int64, page: Page, sort: ContactSort = .createdTime) throws -> [Contact] {
        try page.validate()
        let direction = sort.descending ? "DESC" : "ASC"
        return try Contact.decode(connection.query("""
            SELECT \(Contact.readColumns(org: org)) FROM contacts WHERE org_id = \(org) AND deleted_at IS NULL
            ORDER BY \(unsafeRaw: sort.field.column) \(unsafeRaw: direction), id \(unsafeRaw: direction)
            \(page.sql)
            """), org: org, connection: connection)   // allow-listed: ContactSort.Field.column and ASC/DESC
    }

    /// How many live contacts the org has.
    public func contactCount(in org: Int64) throws -> Int {
        try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM contacts WHERE org_id = \(org) AND deleted_at IS NULL
            """)?.decode("n") ?? 0
    }

    /// The org's live contacts whose first name, last name or email starts with `query` (case-insensitive,
    /// `%` and `_` match literally), by last name then id.
    ///
    /// - Throws: `StoreError.invalid(field: "searchStr", …)` for an empty or over-long query.
    public func searchContacts(in org: Int64, query: String, page: Page) throws -> [Contact] {
        try page.validate()
        let pattern = try PrefixSearch(query).pattern
        return try Contact.decode(connection.query("""
            SELECT \(Contact.readColumns(org: org)) FROM contacts
            WHERE org_id = \(org) AND deleted_at IS NULL
                AND (first_name LIKE \(pattern) ESCAPE '!' OR last_name LIKE \(pattern) ESCAPE '!'
                     OR email LIKE \(pattern) ESCAPE '!')
            ORDER BY last_name, id \(page.sql)
            """), org: org, connection: connection)
    }
}
