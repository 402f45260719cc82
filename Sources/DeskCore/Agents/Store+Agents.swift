import Foundation
import MariaDB

extension Store {
    /// A live agent of the org (active or not).
    public func agent(id: Int64, in org: Int64) throws -> Agent? {
        try connection.queryFirst("""
            SELECT \(Agent.columns) FROM agents WHERE org_id = \(org) AND id = \(id) AND deleted_at IS NULL
            """).map(Agent.init(row:))
    }

    /// A live agent of the org by email (case-insensitive).
    public func agent(email: String, in org: Int64) throws -> Agent? {
        try connection.queryFirst("""
            SELECT \(Agent.columns) FROM agents WHERE org_id = \(org) AND email = \(email) AND deleted_at IS NULL
            """).map(Agent.init(row:))
    }

    /// A page of the org's live agents matching `filter`, oldest first (ties by id).
    public func agents(in org: Int64, filter: AgentFilter = AgentFilter(), page: Page) throws -> [Agent] {
        try page.validate()
        let status: SQL = switch filter.status {
        case nil: ""
        case .active: "AND is_active = 1"
        case .disabled: "AND is_active = 0"
        }
        let department: SQL = if let id = filter.departmentID {
            """
            AND id IN (SELECT da.agent_id FROM department_agents da
                       JOIN departments d ON d.org_id = da.org_id AND d.id = da.department_id AND d.deleted_at IS NULL
                       WHERE da.org_id = \(org) AND da.department_id = \(id))
            """
        } else {
            ""
        }
        return try connection.query("""
            SELECT \(Agent.columns) FROM agents WHERE org_id = \(org) AND deleted_at IS NULL \(status) \(department)
            ORDER BY created_at, id \(page.sql)
            """).map(Agent.init(row:))
    }

    /// The live departments each of `agents` is associated with (ascending ids); agents without any map
    /// to an empty list.
    public func departmentIDs(ofAgents agents: [Int64], in org: Int64) throws -> [Int64: [Int64]] {
        var result = Dictionary(uniqueKeysWithValues: agents.map { ($0, [Int64]()) })
        guard !agents.isEmpty else { return result }
        let rows = try connection.query("""
            SELECT da.agent_id, da.department_id FROM department_agents da
            JOIN departments d ON d.org_id = da.org_id AND d.id = da.department_id AND d.deleted_at IS NULL
            WHERE da.org_id = \(org) AND da.agent_id IN (\(list: Set(agents).sorted()))
            ORDER BY da.agent_id, da.department_id
            """)
        for row in rows {
            result[try row.decode("agent_id"), default: []].append(try row.decode("department_id"))
        }
        return result
    }
}
