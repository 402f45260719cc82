import Foundation
import MariaDB

extension Store {
    /// A live department of the org (enabled or not); nil when unknown or another org's.
    public func department(_ id: Int64, in org: Int64) throws -> Department? {
        try connection.queryFirst("""
            SELECT \(Department.columns) FROM departments WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(Department.init(row:))
    }

    /// A page of the org's live departments, oldest first (ties by id); only enabled or only disabled ones
    /// when `isEnabled` is given.
    public func departments(in org: Int64, isEnabled: Bool? = nil, page: Page) throws -> [Department] {
        try page.validate()
        let enabled: SQL = if let isEnabled { "AND is_enabled = \(isEnabled)" } else { "" }
        return try connection.query("""
            SELECT \(Department.columns) FROM departments WHERE org_id = \(org) AND deleted_at IS NULL \(enabled)
            ORDER BY created_at, id \(page.sql)
            """).map(Department.init(row:))
    }

    /// A page of the live agents associated with a live department, oldest first (ties by id).
    ///
    /// - Throws: `StoreError.notFound` when the department is not a live department of the org.
    public func agents(inDepartment department: Int64, org: Int64, page: Page) throws -> [Agent] {
        guard try self.department(department, in: org) != nil else { throw StoreError.notFound }
        return try agents(in: org, filter: AgentFilter(departmentID: department), page: page)
    }
}
