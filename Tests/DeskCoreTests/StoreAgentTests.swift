import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: agents, their departments, activation, the last administrator, and audit")
struct StoreAgentTests {
    @Test("createOrg makes a default department with the administrator in it")
    func onboarding() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, _) = try db.org()
        #expect(org.recycleBinRetentionDays == 60 && org.version == 1)
        let departments = try store.departments(in: org.id, page: Page())
        let department = try #require(departments.first)
        #expect(departments.count == 1 && department.isDefault && department.isEnabled && department.name == "Acme")
        #expect(try store.departmentIDs(ofAgents: [admin.id], in: org.id) == [admin.id: [department.id]])
        let created = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "agent"), page: Page())
        #expect(created.map(\.actorID) == [0])
        #expect(created.first?.changes.contains(FieldChange(field: "emailId", old: nil, new: "admin@acme.example")) == true)
    }

    @Test("Create, update and a stale version write exactly the expected audit entries")
    func writes() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, actor) = try db.org()
        let sales = try store.write(actor) { try $0.createDepartment(DepartmentDraft(name: "Sales")) }
        let agent = try store.write(actor) { tx in
            try tx.createAgent(AgentDraft(email: "taro@acme.example", firstName: "太郎", lastName: "山田",
                                          langCode: "ja-JP", timeZone: "Asia/Tokyo", departmentIDs: [sales.id, sales.id]))
        }
        #expect(agent.profileID == BuiltInProfile.agent.rawValue && agent.roleID == Role.topRoleID && agent.isActive && agent.version == 1 && agent.lastName == "山田")
        #expect(try store.agent(id: agent.id, in: org.id) == agent)
        #expect(try store.departmentIDs(ofAgents: [agent.id], in: org.id)[agent.id] == [sales.id])
        let created = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: agent.id), page: Page())
        #expect(created.count == 1 && created[0].actorID == admin.id && created[0].requestID == "req-acme")
        #expect(created[0].changes == [
            FieldChange(field: "emailId", old: nil, new: "taro@acme.example"),
            FieldChange(field: "firstName", old: nil, new: "太郎"),
            FieldChange(field: "lastName", old: nil, new: "山田"),
            FieldChange(field: "profileId", old: nil, new: "2"),
            FieldChange(field: "roleId", old: nil, new: "1"),
            FieldChange(field: "status", old: nil, new: "ACTIVE"),
            FieldChange(field: "langCode", old: nil, new: "ja-JP"),
            FieldChange(field: "timeZone", old: nil, new: "Asia/Tokyo"),
            FieldChange(field: "associatedDepartmentIds", old: nil, new: String(sales.id)),
        ])

        let updated = try store.write(actor) { tx in
            try tx.updateAgent(agent.id, changes: AgentChanges(profileID: BuiltInProfile.administrator.rawValue, phone: .some("+81 3 0000"),
                                                               timeZone: .some(nil), departmentIDs: []),
                               expectedVersion: 1)
        }
        #expect(updated.version == 2 && updated.isAdministrator && updated.timeZone == nil)
        #expect(try store.departmentIDs(ofAgents: [agent.id], in: org.id)[agent.id] == [])
        let update = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: agent.id, action: .update),
                                            page: Page())
        #expect(update.map(\.changes) == [[
            FieldChange(field: "profileId", old: "2", new: "1"),
            FieldChange(field: "phone", old: nil, new: "+81 3 0000"),
            FieldChange(field: "timeZone", old: "Asia/Tokyo", new: nil),
            FieldChange(field: "associatedDepartmentIds", old: String(sales.id), new: nil),
        ]])
        let same = try store.write(actor) { tx in
            try tx.updateAgent(agent.id, changes: AgentChanges(lastName: "山田"), expectedVersion: nil)
        }
        #expect(same.version == 2)
        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { try $0.updateAgent(agent.id, changes: AgentChanges(lastName: "x"), expectedVersion: 1) }
        }
        #expect(try store.auditEntries(in: org.id, filter: AuditFilter(recordID: agent.id), page: Page()).count == 2)
    }

    @Test("Bad values, a taken email and foreign departments are refused and write nothing")
    func validation() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (other, _, otherActor) = try db.org("other")
        let foreign = try store.write(otherActor) { try $0.createDepartment(DepartmentDraft(name: "Theirs")) }
        let agentsBefore = try db.count("agents", org: org.id)
        let auditBefore = try db.count("audit_log", org: org.id)
        let cases: [(AgentDraft, String)] = [
            (AgentDraft(email: "ADMIN@acme.example", lastName: "Dup"), "emailId"),
            (AgentDraft(email: "not-an-email", lastName: "x"), "emailId"),
            (AgentDraft(email: "a@acme.example", lastName: " "), "lastName"),
            (AgentDraft(email: "a@acme.example", lastName: "x", langCode: "english"), "langCode"),
            (AgentDraft(email: "a@acme.example", lastName: "x", timeZone: "Mars/Olympus"), "timeZone"),
            (AgentDraft(email: "a@acme.example", lastName: "x", departmentIDs: [foreign.id]), "associatedDepartmentIds"),
        ]
        for (draft, field) in cases {
            do {
                _ = try store.write(actor) { try $0.createAgent(draft) }
                Issue.record("expected \(field) to be refused")
            } catch let StoreError.invalid(name, _) {
                #expect(name == field)
            }
        }
        #expect(try db.count("agents", org: org.id) == agentsBefore)
        #expect(try db.count("audit_log", org: org.id) == auditBefore)
        // The same email is fine in another org.
        let elsewhere = try store.write(otherActor) { try $0.createAgent(AgentDraft(email: "admin@acme.example", lastName: "x")) }
        #expect(elsewhere.orgID == other.id)
        #expect(try store.agent(id: elsewhere.id, in: org.id) == nil)
    }

    @Test("The last active administrator can be neither deactivated nor demoted; deactivation ends tokens")
    func lastAdministratorAndTokens() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, actor) = try db.org()
        #expect(throws: StoreError.invalid(field: "status", reason: "the org's last active administrator cannot be deactivated")) {
            try store.write(actor) { try $0.setAgentActive(admin.id, false) }
        }
        #expect(throws: StoreError.invalid(field: "profileId", reason: "the org's last active administrator cannot be demoted")) {
            try store.write(actor) { try $0.updateAgent(admin.id, changes: AgentChanges(profileID: BuiltInProfile.agent.rawValue), expectedVersion: nil) }
        }
        let second = try store.write(actor) { try $0.createAgent(AgentDraft(email: "b@acme.example", lastName: "B", profileID: BuiltInProfile.administrator.rawValue)) }
        let (token, _) = try store.issueAccessToken(org: org.id, agent: second.id, lifetime: .seconds(600))
        #expect(try store.authenticate(accessToken: token)?.agentID == second.id)
        let disabled = try store.write(actor) { try $0.setAgentActive(second.id, false) }
        #expect(!disabled.isActive && disabled.status == .disabled && disabled.version == 2)
        #expect(try store.authenticate(accessToken: token) == nil)
        // With the second administrator disabled, the first is again the last one.
        #expect(throws: StoreError.self) {
            try store.write(actor) { try $0.setAgentActive(admin.id, false) }
        }
        let again = try store.write(actor) { try $0.setAgentActive(second.id, true) }
        #expect(again.isActive && again.version == 3)
        #expect(try store.authenticate(accessToken: token)?.agentID == second.id)
        let demoted = try store.write(actor) { try $0.updateAgent(admin.id, changes: AgentChanges(profileID: BuiltInProfile.agent.rawValue), expectedVersion: nil) }
        #expect(!demoted.isAdministrator)
        let statuses = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: second.id, action: .update), page: Page())
        #expect(statuses.map(\.changes) == [
            [FieldChange(field: "status", old: "DISABLED", new: "ACTIVE")],
            [FieldChange(field: "status", old: "ACTIVE", new: "DISABLED")],
        ])
        #expect(try store.agents(in: org.id, filter: AgentFilter(status: .active), page: Page()).count == 2)
        #expect(try store.agents(in: org.id, filter: AgentFilter(status: .disabled), page: Page()).isEmpty)
    }
}
