import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: profiles, roles, data sharing and sharing rules (the access admin writes)")
struct StoreAccessAdminTests {
    @Test("Clone, edit and delete custom profiles; built-in ones are refused; agents' access follows at once")
    func profiles() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        #expect(try store.profiles(in: org.id).map(\.id) == [1, 2, 3])

        let custom = try store.write(actor) { try $0.cloneProfile(2, name: "夜勤", description: nil) }
        #expect(custom.clonedFrom == 2 && !custom.isBuiltIn && custom.permissions == BuiltInProfile.agent.permissions)
        #expect(try store.profiles(in: org.id).map(\.id) == [1, 2, 3, custom.id])
        #expect(throws: StoreError.invalid(field: "name", reason: "another profile of this org has this name")) {
            try store.write(actor) { try $0.cloneProfile(1, name: "light agent", description: nil) }
        }
        #expect(throws: AccessSettingRefusal.builtInProfile) {
            try store.write(actor) { try $0.updateProfile(2, changes: ProfileChanges(name: "x"), expectedVersion: nil) }
        }
        #expect(throws: AccessSettingRefusal.builtInProfile) { try store.write(actor) { try $0.deleteProfile(3) } }

        let agent = try store.write(actor) {
            try $0.createAgent(AgentDraft(email: "a@acme.example", lastName: "A", profileID: custom.id))
        }
        #expect(try store.access(org: org.id, agent: agent.id)?.allows(.view, on: .tickets) == true)
        let blind = ProfilePermissionChanges(modules: [.tickets: [.view: false, .create: false]],
                                             privacy: [.anonymize: true])
        let updated = try store.write(actor) {
            try $0.updateProfile(custom.id, changes: ProfileChanges(permissions: blind), expectedVersion: 1)
        }
        #expect(updated.version == 2 && !updated.permissions.allows(.view, on: .tickets))
        #expect(updated.permissions.allows(.edit, on: .tickets) && updated.permissions.allows(.anonymize))
        // The write emptied the access cache: the agent's next resolution has the new rights.
        #expect(try store.access(org: org.id, agent: agent.id)?.allows(.view, on: .tickets) == false)
        // The same changes again write nothing.
        let same = try store.write(actor) {
            try $0.updateProfile(custom.id, changes: ProfileChanges(permissions: blind), expectedVersion: nil)
        }
        #expect(same.version == 2)

        // A clone takes the source's field permissions too.
        try db.connection.execute("""
            INSERT INTO field_permissions (org_id, profile_id, module, field, access, updated_at)
            VALUES (\(org.id), \(custom.id), 'contacts', 'email', 'hidden', NOW(6))
            """)
        let copy = try store.write(actor) { try $0.cloneProfile(custom.id, name: "Copy", description: "x") }
        #expect(copy.clonedFrom == custom.id && copy.permissions == updated.permissions)
        let copied = try db.connection.query("""
            SELECT module, field, access FROM field_permissions WHERE org_id = \(org.id) AND profile_id = \(copy.id)
            """).map { "\(try $0.decode("module", as: String.self)).\(try $0.decode("field", as: String.self))=\(try $0.decode("access", as: String.self))" }
        #expect(copied == ["contacts.email=hidden"])

        #expect(throws: AccessSettingRefusal.profileInUse) { try store.write(actor) { try $0.deleteProfile(custom.id) } }
        _ = try store.write(actor) { try $0.updateAgent(agent.id, changes: AgentChanges(profileID: 2), expectedVersion: nil) }
        try store.write(actor) { try $0.deleteProfile(custom.id) }
        #expect(try store.profile(custom.id, in: org.id) == nil)
        #expect(throws: StoreError.notFound) { try store.write(actor) { try $0.deleteProfile(custom.id) } }
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: custom.id), page: Page())
        #expect(entries.map(\.action) == [.delete, .update, .create] && entries.allSatisfy { $0.recordType == "profile" })
        #expect(entries[1].changes.map(\.field) == ["permissions"])
    }

    @Test("Roles form a tree: no cycles; deleting one moves its agents and children and drops its rules")
    func roles() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (_, _, otherActor) = try db.org("other")
        let a = try store.write(actor) { try $0.createRole(RoleDraft(name: "A")) }
        let b = try store.write(actor) { try $0.createRole(RoleDraft(name: "B", reportsTo: a.id)) }
        let c = try store.write(actor) { try $0.createRole(RoleDraft(name: "C", reportsTo: b.id)) }
        let d = try store.write(actor) { try $0.createRole(RoleDraft(name: "D")) }
        let foreign = try store.write(otherActor) { try $0.createRole(RoleDraft(name: "F")) }
        #expect(try store.roles(in: org.id).map(\.id) == [Role.topRoleID, a.id, b.id, c.id, d.id])
        for parent in [a.id, c.id] {
            #expect(throws: StoreError.invalid(field: "reportsTo", reason: "a role cannot report to itself or to a role below it")) {
                try store.write(actor) { try $0.updateRole(a.id, changes: RoleChanges(reportsTo: parent), expectedVersion: nil) }
            }
        }
        #expect(throws: StoreError.invalid(field: "reportsTo", reason: "is not a role of this organization")) {
            try store.write(actor) { try $0.createRole(RoleDraft(name: "x", reportsTo: foreign.id)) }
        }
        #expect(throws: AccessSettingRefusal.topRole) {
            try store.write(actor) { try $0.updateRole(Role.topRoleID, changes: RoleChanges(name: "x"), expectedVersion: nil) }
        }

        let agent = try store.write(actor) { try $0.createAgent(AgentDraft(email: "a@acme.example", lastName: "A", roleID: b.id)) }
        let rule = try store.write(actor) {
            try $0.createSharingRule(SharingRuleDraft(module: .tickets, fromRoleID: b.id, toRoleID: d.id, access: .readOnly))
        }
        #expect(throws: StoreError.invalid(field: "toRoleId", reason: "a sharing rule between these roles exists already")) {
            try store.write(actor) {
                try $0.createSharingRule(SharingRuleDraft(module: .tickets, fromRoleID: b.id, toRoleID: d.id, access: .readWrite))
            }
        }
        #expect(throws: StoreError.invalid(field: "transferToRoleId",
                                           reason: "the role's agents cannot move to the role itself or a role below it")) {
            try store.write(actor) { try $0.deleteRole(b.id, transferTo: c.id) }
        }
        try store.write(actor) { try $0.deleteRole(b.id, transferTo: nil) }
        #expect(try store.role(b.id, in: org.id) == nil)
        #expect(try store.role(c.id, in: org.id)?.reportsTo == a.id)
        #expect(try store.agent(id: agent.id, in: org.id)?.roleID == a.id)
        #expect(try store.sharingRules(in: org.id).isEmpty)
        #expect(try store.sharingRule(rule.id, in: org.id) == nil)
        #expect(try db.count("roles", org: org.id) == 4)   // the deleted role keeps its row
    }

    @Test("Data sharing: missing rows are private; only changes are written and audited")
    func dataSharing() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        #expect(try store.dataSharing(in: org.id).map(\.access) == [.private, .private, .private])
        try store.write(actor) { try $0.setDataSharing([.tickets: .department, .contacts: .private]) }
        #expect(try store.dataSharing(in: org.id).map(\.access) == [.department, .private, .private])
        try store.write(actor) { try $0.setDataSharing([.tickets: .department]) }
        #expect(throws: StoreError.invalid(field: "agents", reason: "is not a module with data sharing")) {
            try store.write(actor) { try $0.setDataSharing([.agents: .publicReadWrite]) }
        }
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordID: org.id), page: Page())
            .filter { $0.recordType == "dataSharing" }
        #expect(entries.map(\.changes) == [[FieldChange(field: "tickets", old: "private", new: "department")]])
    }
}
