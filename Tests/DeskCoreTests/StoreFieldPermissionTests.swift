import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: field permissions — settings, refusals, audit, resolution into AgentAccess, custom field deletion")
struct StoreFieldPermissionTests {
    @Test("Settings are stored, audited, resolved per agent and removed with their custom field")
    func settings() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let field = try store.write(actor) { tx in
            try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Secret", type: .text))
        }
        try store.write(actor) { tx in
            try tx.setFieldPermissions(module: .tickets, profile: 2,
                                       access: ["email": .hidden, "priority": .readOnly, field.apiName: .hidden,
                                                "category": .readWrite])
        }
        #expect(try store.fieldPermissions(in: org.id, module: .tickets, profile: 2)
                == ["email": .hidden, "priority": .readOnly, field.apiName: .hidden])
        #expect(try store.fieldPermissions(in: org.id, module: .tickets, field: "email") == [2: .hidden])
        #expect(try store.fieldPermissions(in: org.id, module: .contacts, profile: 2).isEmpty)
        #expect(try store.fieldPermissions(in: org.id, module: .tickets, profile: 1).isEmpty)
        let entry = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "fieldPermission"),
                                                        page: Page()).first)
        #expect(entry.recordID == 2 && entry.action == .update)
        #expect(entry.changes == [
            FieldChange(field: "tickets.\(field.apiName)", old: "readWrite", new: "hidden"),
            FieldChange(field: "tickets.email", old: "readWrite", new: "hidden"),
            FieldChange(field: "tickets.priority", old: "readWrite", new: "readOnly"),
        ])

        // An agent on the profile gets the settings; the check reports what it may not write or see.
        let agent = try store.write(actor) { tx in
            try tx.createAgent(AgentDraft(email: "agent@acme.example", lastName: "Agent"))
        }
        AccessCache.shared.removeAll()
        let access = try #require(try store.access(org: org.id, agent: agent.id))
        #expect(access.fieldAccess(.tickets, "email") == .hidden && access.fieldAccess(.tickets, "status") == .readWrite)
        #expect(FieldPermissionCheck.unwritable(["subject", "priority", "email"], module: .tickets, access: access)
                == [.init(field: "priority", access: .readOnly), .init(field: "email", access: .hidden)])
        #expect(FieldPermissionCheck.hidden(["email", "priority"], module: .tickets, access: access) == ["email"])
        #expect(FieldPermissionCheck.hiddenFields(of: .tickets, access: access) == ["email", field.apiName])
        #expect(FieldPermissionCheck.unwritable(["email"], module: .tickets, access: .everything).isEmpty)

        // readWrite removes the row; setting what is set audits nothing.
        let audited = try db.count("audit_log", org: org.id)
        try store.write(actor) { tx in
            try tx.setFieldPermissions(module: .tickets, profile: 2, access: ["priority": .readWrite, "email": .hidden])
        }
        #expect(try store.fieldPermissions(in: org.id, module: .tickets, profile: 2) == ["email": .hidden, field.apiName: .hidden])
        #expect(try db.count("audit_log", org: org.id) == audited + 1)

        // Deleting the custom field removes its settings, audited as fieldPermission deletes.
        try store.write(actor) { tx in try tx.deleteCustomField(field.id, expectedVersion: nil) }
        #expect(try store.fieldPermissions(in: org.id, module: .tickets, field: field.apiName).isEmpty)
        let removal = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "fieldPermission",
                                                                                          action: .delete), page: Page()).first)
        #expect(removal.recordID == 2 && removal.changes == [FieldChange(field: "tickets.\(field.apiName)", old: "hidden", new: nil)])
    }

    @Test("Refusals: the Administrator profile, unknown profiles and fields; nothing written")
    func refusals() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let (other, _, otherActor) = try db.org("other")
        let foreign = try store.write(otherActor) { tx in
            try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Foreign", type: .text))
        }
        let before = try db.count("audit_log", org: org.id)
        let cases: [(AccessModule, Int64, [String: FieldAccess], FieldPermissionError)] = [
            (.tickets, 1, ["email": .hidden], .administratorProfile),
            (.tickets, 99, ["email": .hidden], .unknownProfile(99)),
            (.tickets, 2, ["email": .hidden, "nope": .hidden], .unknownField("nope")),
            (.tickets, 2, [foreign.apiName: .hidden], .unknownField(foreign.apiName)),
            (.contacts, 2, ["subject": .readOnly], .unknownField("subject")),
        ]
        for (module, profile, access, expected) in cases {
            #expect(throws: expected) {
                try store.write(actor) { tx in try tx.setFieldPermissions(module: module, profile: profile, access: access) }
            }
        }
        #expect(try db.count("field_permissions", org: org.id) == 0)
        #expect(try db.count("audit_log", org: org.id) == before)
        #expect(try db.count("field_permissions", org: other.id) == 0)
        #expect(try store.fieldPermissionProfiles(in: org.id).map(\.name) == ["Administrator", "Agent", "Light Agent"])
    }

    @Test("The write path refuses custom field values the actor may not write; nothing is written")
    func writePath() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, admin, actor) = try db.org()
        for label in ["Locked", "Open"] {
            _ = try store.write(actor) { tx in
                try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: label, type: .text))
            }
        }
        let ticket = try store.write(actor) { tx in
            try tx.createTicket(TicketDraft(subject: "チケット", cf: ["cf_locked": .string("a")]))
        }
        let restricted = AgentAccess(profileID: 2, roleID: 1, permissions: .everything, isAdministrator: false,
                                     visibility: AgentAccess.everything.visibility,
                                     fields: [.tickets: ["cf_locked": .readOnly]])
        let agentActor = Actor(orgID: org.id, agentID: admin.id, requestID: "r", access: restricted)
        let before = try db.count("audit_log", org: org.id)
        var changes = TicketChanges()
        changes.subject = "changed"
        changes.cf = ["cf_open": .string("b"), "cf_locked": .string("c")]
        let patch = changes
        #expect(throws: FieldPermissionDenied(module: .tickets, refusals: [.init(field: "cf_locked", access: .readOnly)])) {
            try store.write(agentActor) { tx in try tx.updateTicket(ticket.id, changes: patch, expectedVersion: nil) }
        }
        #expect(throws: FieldPermissionDenied.self) {
            try store.write(agentActor) { tx in
                try tx.createTicket(TicketDraft(subject: "new", cf: ["cf_locked": .string("x")]))
            }
        }
        #expect(try db.count("audit_log", org: org.id) == before)
        #expect(try db.count("tickets", org: org.id) == 1)
        #expect(try store.ticket(ticket.id, for: actor)?.subject == "チケット")
        // Without the forbidden field the same agent writes.
        changes.cf = ["cf_open": .string("b")]
        let written = try store.write(agentActor) { tx in try tx.updateTicket(ticket.id, changes: changes, expectedVersion: nil) }
        #expect(written.subject == "changed" && written.cf.values["cf_open"] == "b")
    }
}
