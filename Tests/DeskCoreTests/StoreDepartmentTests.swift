import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: departments, agent associations, org settings, and audit")
struct StoreDepartmentTests {
    @Test("Create, rename, enable and disable; names are unique per org")
    func departments() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (_, _, otherActor) = try db.org("other")
        let sales = try store.write(actor) { try $0.createDepartment(DepartmentDraft(name: "営業", description: "売上")) }
        #expect(sales.version == 1 && sales.isEnabled && !sales.isDefault && sales.name == "営業")
        #expect(throws: StoreError.invalid(field: "name", reason: "another department of this org has this name")) {
            try store.write(actor) { try $0.createDepartment(DepartmentDraft(name: "営業")) }
        }
        #expect(throws: StoreError.self) {
            try store.write(actor) { try $0.createDepartment(DepartmentDraft(name: "ACME")) }   // the default one, any case
        }
        let theirs = try store.write(otherActor) { try $0.createDepartment(DepartmentDraft(name: "営業")) }
        #expect(try store.department(theirs.id, in: org.id) == nil)

        let renamed = try store.write(actor) { tx in
            try tx.updateDepartment(sales.id, changes: DepartmentChanges(name: "Sales", description: .some(nil)),
                                    expectedVersion: 1)
        }
        #expect(renamed.version == 2 && renamed.description == nil)
        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { try $0.updateDepartment(sales.id, changes: DepartmentChanges(name: "x"), expectedVersion: 1) }
        }
        let disabled = try store.write(actor) { try $0.setDepartmentEnabled(sales.id, false) }
        #expect(!disabled.isEnabled && disabled.version == 3)
        #expect(try store.departments(in: org.id, isEnabled: false, page: Page()).map(\.id) == [sales.id])
        #expect(try store.departments(in: org.id, isEnabled: true, page: Page()).count == 1)
        let defaultDepartment = try #require(try store.departments(in: org.id, isEnabled: true, page: Page()).first)
        #expect(throws: StoreError.invalid(field: "isEnabled", reason: "the default department cannot be disabled")) {
            try store.write(actor) { try $0.setDepartmentEnabled(defaultDepartment.id, false) }
        }
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: sales.id), page: Page())
        #expect(entries.map(\.action) == [.update, .update, .create])
        #expect(entries[0].changes == [FieldChange(field: "isEnabled", old: "true", new: "false")])
        #expect(entries[1].changes == [FieldChange(field: "name", old: "営業", new: "Sales"),
                                       FieldChange(field: "description", old: "売上", new: nil)])
    }

    @Test("Associating and dissociating agents is audited on the department; bad ids write nothing")
    func associations() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, actor) = try db.org()
        let (_, otherAdmin, _) = try db.org("other")
        let support = try store.write(actor) { try $0.createDepartment(DepartmentDraft(name: "Support")) }
        let agent = try store.write(actor) { try $0.createAgent(AgentDraft(email: "a@acme.example", lastName: "A")) }
        try store.write(actor) { try $0.associateAgents([agent.id, admin.id, agent.id], withDepartment: support.id) }
        #expect(try store.agents(inDepartment: support.id, org: org.id, page: Page()).map(\.id) == [admin.id, agent.id])
        try store.write(actor) { try $0.associateAgents([agent.id], withDepartment: support.id) }   // no change
        #expect(try store.department(support.id, in: org.id)?.version == 2)
        #expect(throws: StoreError.invalid(field: "agentIds", reason: "is not an agent of this org")) {
            try store.write(actor) { try $0.associateAgents([otherAdmin.id], withDepartment: support.id) }
        }
        #expect(throws: StoreError.notFound) {
            try store.write(actor) { try $0.associateAgents([agent.id], withDepartment: 12345) }
        }
        try store.write(actor) { try $0.dissociateAgents([admin.id], fromDepartment: support.id) }
        #expect(try store.agents(in: org.id, filter: AgentFilter(departmentID: support.id), page: Page()).map(\.id) == [agent.id])
        let ids = [admin.id, agent.id].sorted().map(String.init).joined(separator: ",")
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: support.id, action: .update), page: Page())
        #expect(entries.map(\.changes) == [
            [FieldChange(field: "associatedAgentIds", old: ids, new: String(agent.id))],
            [FieldChange(field: "associatedAgentIds", old: nil, new: ids)],
        ])
    }

    @Test("The default department of an org with a long name takes its first 100 characters")
    func longOrgName() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let name = String(repeating: "株", count: 150)
        let (org, _) = try store.createOrg(portal: "long", name: name, region: .eu, adminEmail: "a@long.example",
                                           adminLastName: "A", adminFirstName: nil)
        let departments = try store.departments(in: org.id, page: Page())
        #expect(departments.map(\.name) == [String(repeating: "株", count: 100)])
        #expect(org.name == name)
    }

    @Test("Org settings: retention days and name, audited, bounded, versioned")
    func orgSettings() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let updated = try store.write(actor) { tx in
            try tx.updateOrg(OrgChanges(name: "株式会社アクメ", recycleBinRetentionDays: 30), expectedVersion: 1)
        }
        #expect(updated.recycleBinRetentionDays == 30 && updated.name == "株式会社アクメ" && updated.version == 2)
        #expect(try store.org(id: org.id) == updated)
        for days in [0, 3651] {
            #expect(throws: StoreError.self) {
                try store.write(actor) { try $0.updateOrg(OrgChanges(recycleBinRetentionDays: days), expectedVersion: nil) }
            }
        }
        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { try $0.updateOrg(OrgChanges(name: "x"), expectedVersion: 1) }
        }
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "org", action: .update), page: Page())
        #expect(entries.map(\.changes) == [[
            FieldChange(field: "companyName", old: "Acme", new: "株式会社アクメ"),
            FieldChange(field: "recycleBinRetentionDays", old: "60", new: "30"),
        ]])
        #expect(try store.orgs(of: actor).map(\.id) == [org.id])
    }
}
