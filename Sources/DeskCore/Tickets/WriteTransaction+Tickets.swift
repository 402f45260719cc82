import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates a ticket with the next ticket number; audits 'create' with every set field.
    ///
    /// A ticket a non-administrator creates without an assignee, that its sharing reach would not let it
    /// read (under `private` sharing, or outside its departments), is assigned to it, so that an agent
    /// never creates a ticket it cannot see. Under `department` sharing a ticket of one of its departments,
    /// and under public sharing any ticket, stays unassigned.
    ///
    /// Queries: the INSERT and the audit INSERT, both queued to go with the commit (one round trip for the
    /// whole create when nothing else is looked up); plus one lookup each for an assignee, department or
    /// contact that is given, and one read of the ticket custom field definitions only when `cf` has
    /// values. The new row is not read back: the ticket is built from what was inserted. Without `cf`
    /// values, whether tickets have a mandatory custom field (which refuses the create) and the custom
    /// field names of the response come from ``CustomFieldNameCache``, as a plain read of the ticket would
    /// name them (see its staleness across processes).
    public func createTicket(_ draft: TicketDraft) throws -> Ticket {
        var draft = draft
        if draft.assigneeID == nil, actor.agentID != 0, !actor.access.isAdministrator,
           !actor.access.visibility(of: .tickets).canRead(owner: nil, department: draft.departmentID) {
            draft.assigneeID = actor.agentID
        }
        try validate(subject: draft.subject)
        if let description = draft.description { try Validation.length(description, field: "description", max: 65_535) }
        if let email = draft.email { try Validation.email(email, field: "email") }
        if let category = draft.category { try validate(category: category) }
        if let assignee = draft.assigneeID { try validate(assignee: assignee) }
        if let department = draft.departmentID { try validate(department: department) }
        if let contact = draft.contactID { try validate(contact: contact) }
        let cf = draft.cf.isEmpty ? nil
            : try resolveCustomFields(.tickets, input: draft.cf, current: [:], isCreate: true)
        let cache = CustomFieldNameCache.shared
        if cf == nil,
           let mandatory = try cache.firstMandatoryName(org: orgID, module: .tickets, connection: connection) {
            throw StoreError.invalid(field: "cf/\(mandatory)", reason: "is mandatory")
        }
        let number = try store.ticketNumbers.take(org: orgID, connection: connection)
        let id = store.ids.next()
        let cfText = cf.flatMap { CustomFieldText.encodeValues($0.values) }
        try connection.executeLater("""
            INSERT INTO tickets (org_id, id, ticket_number, subject, description, status, priority, channel,
                                 email, assignee_id, due_date, classification, category, department_id, contact_id,
                                 cf, created_at, updated_at, version)
            VALUES (\(orgID), \(id), \(number), \(draft.subject), \(draft.description), \(draft.status.rawValue),
                    \(draft.priority?.rawValue), \(draft.channel.rawValue), \(draft.email), \(draft.assigneeID),
                    \(draft.dueDate), \(draft.classification?.rawValue), \(draft.category), \(draft.departmentID),
                    \(draft.contactID), \(cfText), \(now), \(now), 1)
            """)
        let names = try cf?.names ?? cache.names(org: orgID, module: .tickets, connection: connection)
        let ticket = Ticket(id: id, orgID: orgID, ticketNumber: number, subject: draft.subject,
                            description: draft.description, status: draft.status, priority: draft.priority,
                            channel: draft.channel, email: draft.email, assigneeID: draft.assigneeID,
                            dueDate: draft.dueDate.map(Store.wholeMicroseconds), createdAt: now, updatedAt: now,
                            version: 1, deletedAt: nil, deletedBy: nil, classification: draft.classification,
                            category: draft.category, departmentID: draft.departmentID, contactID: draft.contactID,
                            cf: CustomFieldValues(names: names, values: cf?.values ?? [:]))
        let changes = TicketFields.values(of: ticket).compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "ticket", id, changes)
        return ticket
    }

    /// Applies `changes` to a live ticket. Only fields whose value changes are written and audited
    /// ('update', old → new, custom fields as `cf.<api name>`); when nothing changes, nothing is written
    /// and the version stays.
    ///
    /// - Throws: `StoreError.notFound` (also for a ticket out of the actor's reach), `.forbidden` for a
    ///   ticket the actor may read but not edit, `.versionMismatch(current:)` when `expectedVersion` is
    ///   given and differs, `.invalid(field:reason:)` (custom fields named `cf/<api name>`).
    public func updateTicket(_ id: Int64, changes: TicketChanges, expectedVersion: Int64?) throws -> Ticket {
        guard let current = try lockedTicket(id, trashed: false) else { throw StoreError.notFound }
        try actor.requireWritable(.ticket, owner: current.assigneeID, department: current.departmentID)
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        if let subject = changes.subject { try validate(subject: subject) }
        if case .some(.some(let description)) = changes.description {
            try Validation.length(description, field: "description", max: 65_535)
        }
        if case .some(.some(let email)) = changes.email { try Validation.email(email, field: "email") }
        if case .some(.some(let category)) = changes.category { try validate(category: category) }
        if case .some(.some(let assignee)) = changes.assigneeID, assignee != current.assigneeID {
            try validate(assignee: assignee)
        }
        if case .some(.some(let department)) = changes.departmentID, department != current.departmentID {
            try validate(department: department)
        }
        if case .some(.some(let contact)) = changes.contactID, contact != current.contactID {
            try validate(contact: contact)
        }
        let cf = changes.cf.isEmpty ? current.cf
            : try resolveCustomFields(.tickets, input: changes.cf, current: current.cf.values, isCreate: false)
        let updated = Ticket(
            id: current.id, orgID: current.orgID, ticketNumber: current.ticketNumber,
            subject: changes.subject ?? current.subject, description: changes.description ?? current.description,
            status: changes.status ?? current.status, priority: changes.priority ?? current.priority,
            channel: changes.channel ?? current.channel, email: changes.email ?? current.email,
            assigneeID: changes.assigneeID ?? current.assigneeID, dueDate: changes.dueDate ?? current.dueDate,
            createdAt: current.createdAt, updatedAt: now, version: current.version + 1,
            deletedAt: nil, deletedBy: nil, classification: changes.classification ?? current.classification,
            category: changes.category ?? current.category, departmentID: changes.departmentID ?? current.departmentID,
            contactID: changes.contactID ?? current.contactID, cf: cf)
        let diff = FieldDiff.changes(from: TicketFields.values(of: current), to: TicketFields.values(of: updated))
        if diff.isEmpty { return try readTicket(id) ?? current }
        try connection.execute("""
            UPDATE tickets SET subject = \(updated.subject), description = \(updated.description),
                status = \(updated.status.rawValue), priority = \(updated.priority?.rawValue),
                channel = \(updated.channel.rawValue), email = \(updated.email),
                assignee_id = \(updated.assigneeID), due_date = \(updated.dueDate),
                classification = \(updated.classification?.rawValue), category = \(updated.category),
                department_id = \(updated.departmentID), contact_id = \(updated.contactID),
                cf = \(CustomFieldText.encodeValues(updated.cf.values)),
                updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, "ticket", id, diff)
        guard let stored = try readTicket(id) else { throw StoreError.notFound }
        return stored
    }

    /// The ticket, locked for the rest of the transaction; `trashed` picks live or recycle-bin rows. Its
    /// `cf` has the stored values but no field names (the lock must not reach the definitions).
    func lockedTicket(_ id: Int64, trashed: Bool) throws -> Ticket? {
        let state: SQL = trashed ? "deleted_at IS NOT NULL" : "deleted_at IS NULL"
        return try connection.queryFirst("""
            SELECT \(Ticket.columns) FROM tickets WHERE org_id = \(orgID) AND id = \(id) AND \(state) FOR UPDATE
            """).map(Ticket.init(row:))
    }

    /// The live ticket as this transaction sees it, with the custom field names; a plain read, for a row
    /// this transaction already holds locked.
    private func readTicket(_ id: Int64) throws -> Ticket? {
        try readRecord(.tickets, id, readColumns: Ticket.readColumns(org: orgID)).map { try record($0) }
    }

    private func validate(subject: String) throws {
        try Validation.text(subject, field: "subject", max: 255)
    }

    private func validate(category: String) throws {
        try Validation.length(category, field: "category", max: TicketFields.maxCategory)
    }

    /// The assignee must be an active, live agent of this org.
    private func validate(assignee: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND id = \(assignee) AND is_active = 1
                AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        guard row != nil else {
            throw StoreError.invalid(field: "assigneeId", reason: "is not an active agent of this org")
        }
    }

    /// The department must be an enabled, live department of this org (locked shared until the write ends).
    private func validate(department: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM departments WHERE org_id = \(orgID) AND id = \(department) AND is_enabled = 1
                AND deleted_at IS NULL LOCK IN SHARE MODE
            """)
        guard row != nil else {
            throw StoreError.invalid(field: "departmentId", reason: "is not an enabled department of this org")
        }
    }

    /// The contact must be a live contact of this org that the actor may read (locked shared until the
    /// write ends); one out of its reach is refused exactly like an unknown one.
    private func validate(contact: Int64) throws {
        let row = try connection.queryFirst("""
            SELECT id FROM contacts WHERE org_id = \(orgID) AND id = \(contact) AND deleted_at IS NULL
                AND \(actor.readCondition(.contact)) LOCK IN SHARE MODE
            """)
        guard row != nil else { throw StoreError.invalid(field: "contactId", reason: "is not a contact of this org") }
    }
}
