import DeskCore
import Foundation
import MariaDB
import Testing

@Suite("Store: custom field definitions and cf values, their audit and isolation")
struct StoreCustomFieldTests {
    @Test("Definitions: derived and given api names, rules, update and audit")
    func definitions() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let tier = try store.write(actor) { tx in
            try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "Support Tier!", type: .picklist,
                                                      allowedValues: ["Gold", "銀"]))
        }
        #expect(tier.apiName == "cf_support_tier" && tier.maxLength == nil && tier.version == 1)
        let second = try store.write(actor) { tx in
            try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: "support tier", type: .text))
        }
        #expect(second.apiName == "cf_support_tier_2" && second.maxLength == 255)
        let japanese = try store.write(actor) { tx in
            try tx.createCustomField(CustomFieldDraft(module: .contacts, displayLabel: "ニックネーム", type: .text))
        }
        #expect(japanese.apiName == "cf_field")
        #expect(try store.customFields(in: org.id, module: .tickets).map(\.apiName) == ["cf_support_tier", "cf_support_tier_2"])

        let refusals: [(CustomFieldDraft, String)] = [
            (CustomFieldDraft(module: .tickets, displayLabel: "x", apiName: "cf_support_tier", type: .text), "apiName"),
            (CustomFieldDraft(module: .tickets, displayLabel: "x", apiName: "CF_Bad", type: .text), "apiName"),
            (CustomFieldDraft(module: .tickets, displayLabel: " ", type: .text), "displayLabel"),
            (CustomFieldDraft(module: .tickets, displayLabel: "x", type: .picklist), "allowedValues"),
            (CustomFieldDraft(module: .tickets, displayLabel: "x", type: .text, allowedValues: ["a"]), "allowedValues"),
            (CustomFieldDraft(module: .tickets, displayLabel: "x", type: .multiselect, allowedValues: ["a;b"]), "allowedValues"),
            (CustomFieldDraft(module: .tickets, displayLabel: "x", type: .number, maxLength: 3), "maxLength"),
            (CustomFieldDraft(module: .tickets, displayLabel: "x", type: .textarea, maxLength: 70_000), "maxLength"),
        ]
        let auditBefore = try db.count("audit_log", org: org.id)
        for (draft, field) in refusals {
            #expect(throws: StoreError.invalid(field: field, reason: "")) {
                do { _ = try store.write(actor) { try $0.createCustomField(draft) } }
                catch StoreError.invalid(let name, _) { throw StoreError.invalid(field: name, reason: "") }
            }
        }
        #expect(try db.count("custom_fields", org: org.id) == 3)
        #expect(try db.count("audit_log", org: org.id) == auditBefore)

        let updated = try store.write(actor) { tx in
            try tx.updateCustomField(tier.id, changes: CustomFieldChanges(displayLabel: "Tier", isMandatory: true),
                                     expectedVersion: 1)
        }
        #expect(updated.displayLabel == "Tier" && updated.isMandatory && updated.version == 2)
        #expect(throws: StoreError.versionMismatch(current: 2)) {
            try store.write(actor) { try $0.updateCustomField(tier.id, changes: CustomFieldChanges(displayLabel: "y"), expectedVersion: 1) }
        }
        let unchanged = try store.write(actor) { try $0.updateCustomField(tier.id, changes: CustomFieldChanges(displayLabel: "Tier"), expectedVersion: nil) }
        #expect(unchanged.version == 2)
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "customField", recordID: tier.id), page: Page())
        #expect(entries.map(\.action) == [.update, .create])
        #expect(entries.first?.changes == [FieldChange(field: "displayLabel", old: "Support Tier!", new: "Tier"),
                                           FieldChange(field: "isMandatory", old: "false", new: "true")])
    }

    @Test("cf values: canonical text, audited per field, unknown and wrong values refused, nothing written")
    func values() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        for (label, type, allowed) in [("Units", CustomFieldType.number, nil), ("Tier", .picklist, ["Gold", "金"]),
                                       ("Parts", .multiselect, ["Tray", "Drum"]), ("Flag", .boolean, nil),
                                       ("Visit", .dateTime, nil), ("Day", .date, nil)] as [(String, CustomFieldType, [String]?)] {
            _ = try store.write(actor) { tx in
                try tx.createCustomField(CustomFieldDraft(module: .tickets, displayLabel: label, type: type, allowedValues: allowed))
            }
        }
        let ticket = try store.write(actor) { tx in
            try tx.createTicket(TicketDraft(subject: "cf", cf: ["cf_units": .number(7), "cf_tier": .string("金"),
                                                               "cf_parts": .list(["Drum", "Tray"]), "cf_flag": .bool(false),
                                                               "cf_visit": .string("2026-03-04T05:06:07+01:00")]))
        }
        #expect(ticket.cf.names == ["cf_day", "cf_flag", "cf_parts", "cf_tier", "cf_units", "cf_visit"])
        #expect(ticket.cf.values == ["cf_units": "7", "cf_tier": "金", "cf_parts": "Drum;Tray", "cf_flag": "false",
                                     "cf_visit": "2026-03-04T04:06:07.000Z"])
        #expect(try store.ticket(ticket.id, for: .system(org.id)) == ticket)

        let updated = try store.write(actor) { tx in
            try tx.updateTicket(ticket.id, changes: TicketChanges(cf: ["cf_tier": .null, "cf_day": .string("2024-02-29")]),
                                expectedVersion: 1)
        }
        #expect(updated.cf.values["cf_tier"] == nil && updated.cf.values["cf_day"] == "2024-02-29" && updated.version == 2)
        let update = try #require(try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "ticket", action: .update),
                                                         page: Page()).first)
        #expect(update.changes == [FieldChange(field: "cf.cf_tier", old: "金", new: nil),
                                   FieldChange(field: "cf.cf_day", old: nil, new: "2024-02-29")])

        let before = (try db.count("tickets", org: org.id), try db.count("audit_log", org: org.id))
        let bad: [([String: CustomFieldInput], String)] = [
            (["cf_nope": .string("x")], "cf/cf_nope"), (["cf_units": .string("7.5")], "cf/cf_units"),
            (["cf_tier": .string("Silver")], "cf/cf_tier"), (["cf_parts": .list(["Tray", nil])], "cf/cf_parts"),
            (["cf_flag": .number(1)], "cf/cf_flag"), (["cf_day": .string("2023-02-29")], "cf/cf_day"),
            (["cf_visit": .string("soon")], "cf/cf_visit"), (["cf_units": .other], "cf/cf_units"),
        ]
        for (cf, field) in bad {
            #expect(throws: StoreError.invalid(field: field, reason: "")) {
                do { _ = try store.write(actor) { try $0.createTicket(TicketDraft(subject: "x", cf: cf)) } }
                catch StoreError.invalid(let name, _) { throw StoreError.invalid(field: name, reason: "") }
            }
        }
        #expect((try db.count("tickets", org: org.id), try db.count("audit_log", org: org.id)) == before)

        // Another org knows none of these fields.
        let (other, _, otherActor) = try db.org("other")
        #expect(throws: StoreError.self) {
            try store.write(otherActor) { try $0.createTicket(TicketDraft(subject: "x", cf: ["cf_units": .number(1)])) }
        }
        let theirs = try store.write(otherActor) { try $0.createTicket(TicketDraft(subject: "x")) }
        let theirFields = try store.customFields(in: other.id, module: .tickets)
        #expect(theirs.cf == .empty && theirFields.isEmpty)
    }

    @Test("Deleting a field removes its values from every record for good, audited per record")
    func delete() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        let field = try store.write(actor) { try $0.createCustomField(CustomFieldDraft(module: .contacts, displayLabel: "Nick", type: .text)) }
        let contact = try store.write(actor) { try $0.createContact(ContactDraft(lastName: "Lee", cf: ["cf_nick": .string("ちゃん")])) }
        let plain = try store.write(actor) { try $0.createContact(ContactDraft(lastName: "Kim")) }
        #expect(contact.cf.values == ["cf_nick": "ちゃん"] && plain.cf.names == ["cf_nick"])
        try store.write(actor) { try $0.deleteCustomField(field.id, expectedVersion: 1) }
        let after = try #require(try store.contact(contact.id, for: .system(org.id)))
        #expect(after.cf == .empty && after.version == 2)
        #expect(try store.contact(plain.id, for: .system(org.id))?.version == 1)
        let entries = try store.auditEntries(in: org.id, filter: AuditFilter(recordType: "contact", recordID: contact.id, action: .update),
                                             page: Page())
        #expect(entries.first?.changes == [FieldChange(field: "cf.cf_nick", old: "ちゃん", new: nil)])
        #expect(try store.customField(field.id, in: org.id) == nil)
        let again = try store.write(actor) { try $0.createCustomField(CustomFieldDraft(module: .contacts, displayLabel: "Nick", type: .text)) }
        #expect(again.apiName == "cf_nick")
        #expect(try store.contact(contact.id, for: .system(org.id))?.cf.all.map(\.value) == [nil])
    }

    @Test("A mandatory field refuses a create without it, also when the draft has no cf at all")
    func mandatory() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, actor) = try db.org()
        _ = try store.write(actor) { try $0.createCustomField(CustomFieldDraft(module: .accounts, displayLabel: "Code", type: .text, isMandatory: true)) }
        #expect(throws: StoreError.invalid(field: "cf/cf_code", reason: "is mandatory")) {
            try store.write(actor) { try $0.createAccount(AccountDraft(accountName: "Zylker")) }
        }
        #expect(try db.count("accounts", org: org.id) == 0)
        let account = try store.write(actor) { try $0.createAccount(AccountDraft(accountName: "Zylker", cf: ["cf_code": .string("Z1")])) }
        #expect(account.cf.values == ["cf_code": "Z1"])
    }
}
