import DeskCore
import DeskHTTP

/// An agent as the API renders it (Zoho Desk v1 shape): IDs as strings, `name` the full name, `status`
/// `ACTIVE` or `DISABLED`, its profile and role as `profileId` and `roleId`, the departments as
/// `associatedDepartmentIds`.
struct AgentJSON: Encodable {
    let agent: Agent
    let departmentIDs: [Int64]

    private enum Key: String, CodingKey {
        case id, emailId, firstName, lastName, name, status, profileId, roleId, phone, mobile, langCode, timeZone
        case associatedDepartmentIds, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(agent.id), forKey: .id)
        try container.encode(agent.email, forKey: .emailId)
        try container.encode(agent.firstName, forKey: .firstName)
        try container.encode(agent.lastName, forKey: .lastName)
        try container.encode([agent.firstName, agent.lastName].compactMap { $0 }.joined(separator: " "), forKey: .name)
        try container.encode(agent.status.rawValue, forKey: .status)
        try container.encode(String(agent.profileID), forKey: .profileId)
        try container.encode(String(agent.roleID), forKey: .roleId)
        try container.encode(agent.phone, forKey: .phone)
        try container.encode(agent.mobile, forKey: .mobile)
        try container.encode(agent.langCode, forKey: .langCode)
        try container.encode(agent.timeZone, forKey: .timeZone)
        try container.encode(departmentIDs.map(String.init), forKey: .associatedDepartmentIds)
        try container.encode(APITime.format(agent.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(agent.updatedAt), forKey: .modifiedTime)
    }

    /// The agents with their departments, read in one query.
    static func list(_ agents: [Agent], store: Store, org: Int64) throws -> ListJSON<AgentJSON> {
        let departments = try store.departmentIDs(ofAgents: agents.map(\.id), in: org)
        return ListJSON(data: agents.map { AgentJSON(agent: $0, departmentIDs: departments[$0.id] ?? []) })
    }

    /// One agent with its departments and `ETag`.
    static func single(_ agent: Agent, store: Store) throws -> HTTPResponse {
        let departments = try store.departmentIDs(ofAgents: [agent.id], in: agent.orgID)[agent.id] ?? []
        return RecordRequest.single(AgentJSON(agent: agent, departmentIDs: departments), version: agent.version)
    }
}
