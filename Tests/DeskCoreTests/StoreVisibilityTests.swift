import DeskCore
import Foundation
import MariaDB
import Testing

/// Record-level reach: the SQL of ``RecordVisibility``, the reach the store resolves from roles, peers,
/// departments, data sharing and sharing rules, and the reads and writes that honour it.
@Suite("Store: record visibility (roles, peers, departments, sharing settings and rules)")
struct StoreVisibilityTests {
    @Test("readCondition and writeCondition: TRUE for all, FALSE for none, owners OR departments with bound values")
    func conditions() {
        let all = RecordVisibility(readsAll: true, writesAll: false, readOwners: [], writeOwners: [5],
                                   readDepartments: [], writeDepartments: [])
        #expect(all.readCondition(owner: "assignee_id", department: "department_id").text == "TRUE")
        #expect(all.writeCondition(owner: "assignee_id", department: "department_id").text == "(assignee_id IN (?))")
        let none = RecordVisibility(readsAll: false, writesAll: false, readOwners: [], writeOwners: [],
                                    readDepartments: [], writeDepartments: [])
        #expect(none.readCondition(owner: "owner_id", department: nil).text == "FALSE")
        let some = RecordVisibility(readsAll: false, writesAll: false, readOwners: [3, 1], writeOwners: [1],
                                    readDepartments: [9], writeDepartments: [])
        let read = some.readCondition(owner: "assignee_id", department: "department_id")
        #expect(read.text == "(assignee_id IN (?, ?) OR department_id IN (?))")
        #expect(read.bindings == [.int(1), .int(3), .int(9)])
        // Without a department column the departments do not apply (contacts, accounts).
        #expect(some.readCondition(owner: "owner_id", department: nil).text == "(owner_id IN (?, ?))")
        #expect(some.canRead(owner: 3, department: nil) && !some.canWrite(owner: 3, department: nil))
        #expect(some.canRead(owner: nil, department: 9) && !some.canRead(owner: nil, department: nil))
        #expect(RecordVisibility.everything.readCondition(owner: "owner_id", department: nil).text == "TRUE")
    }

    @Test("Roles tree and peers: own and lower roles' records; peers only when the role shares with them")
    func rolesAndPeers() throws {
        let world = try World()
        defer { world.db.drop() }
        let manager = try world.access(world.manager)
        let tickets = manager.visibility(of: .tickets)
        #expect(!manager.isAdministrator && !tickets.readsAll)
        // Manager → Lead → Staff: the manager reaches itself, the lead and the staff member, not the peer.
        #expect(Set(tickets.writeOwners) == [world.manager, world.lead, world.staff])
        #expect(tickets.readOwners == tickets.writeOwners && tickets.readDepartments.isEmpty)
        let staff = try world.access(world.staff)
        #expect(staff.visibility(of: .contacts).readOwners == [world.staff])
        // The peer role shares with peers: its two agents reach each other.
        let peer = try world.access(world.peer)
        #expect(Set(peer.visibility(of: .accounts).writeOwners) == [world.peer, world.peer2])
        // An administrator reaches everything, whatever the settings.
        let admin = try world.access(world.adminID)
        #expect(admin.isAdministrator && admin.visibility(of: .tickets) == .everything)
    }

    @Test("Department sharing: tickets of the agent's departments; contacts and accounts of its department colleagues")
    func departmentSharing() throws {
        let world = try World()
        defer { world.db.drop() }
        try world.setSharing(.tickets, .department)
        try world.setSharing(.contacts, .department)
        let staff = try world.access(world.staff)
        let tickets = staff.visibility(of: .tickets)
        #expect(tickets.readDepartments == [world.departmentA] && tickets.writeDepartments == [world.departmentA])
        #expect(tickets.canWrite(owner: nil, department: world.departmentA))
        #expect(!tickets.canRead(owner: nil, department: world.departmentB))
        let contacts = staff.visibility(of: .contacts)
        // The peer works in department A too: its contacts are the staff member's to read and edit.
        #expect(contacts.canWrite(owner: world.peer, department: nil))
        #expect(!contacts.canRead(owner: world.peer2, department: nil))
        // Accounts stay private.
        #expect(!staff.visibility(of: .accounts).canRead(owner: world.peer, department: nil))
    }

    @Test("Public settings: read-only reads all and edits as private; read/write edits all")
    func publicSharing() throws {
        let world = try World()
        defer { world.db.drop() }
        try world.setSharing(.tickets, .publicReadOnly)
        try world.setSharing(.contacts, .publicReadWrite)
        let staff = try world.access(world.staff)
        let tickets = staff.visibility(of: .tickets)
        #expect(tickets.readsAll && !tickets.writesAll && tickets.canWrite(owner: world.staff, department: nil))
        #expect(!tickets.canWrite(owner: world.manager, department: nil) && tickets.canRead(owner: nil, department: nil))
        let contacts = staff.visibility(of: .contacts)
        #expect(contacts.readsAll && contacts.writesAll && contacts.canWrite(owner: world.manager, department: nil))
    }

    @Test("Sharing rules: read-only rules add readers, read/write rules add editors, for the target role and below")
    func sharingRules() throws {
        let world = try World()
        defer { world.db.drop() }
        // Peer role's tickets → Lead role (and Staff below it), read only; accounts read/write.
        try world.addRule(.tickets, from: world.peerRole, to: world.leadRole, .readOnly)
        try world.addRule(.accounts, from: world.peerRole, to: world.leadRole, .readWrite)
        let staff = try world.access(world.staff)
        let tickets = staff.visibility(of: .tickets)
        #expect(tickets.canRead(owner: world.peer2, department: nil) && !tickets.canWrite(owner: world.peer2, department: nil))
        #expect(staff.visibility(of: .accounts).canWrite(owner: world.peer, department: nil))
        // The rule goes down from its target role, not up: the manager gets nothing from it.
        let manager = try world.access(world.manager)
        #expect(!manager.visibility(of: .tickets).canRead(owner: world.peer, department: nil))
    }

    @Test("Reads filter in SQL (lists page exactly, counts agree); writes answer forbidden or not found; nothing written")
    func readsAndWrites() throws {
        let world = try World()
        defer { world.db.drop() }
        try world.setSharing(.tickets, .publicReadOnly)
        let store = world.store
        let admin = world.adminActor
        var ids: [Int64: Int64] = [:]
        for owner in [world.staff, world.manager, world.peer] {
            ids[owner] = try store.write(admin) { try $0.createTicket(TicketDraft(subject: "t", assigneeID: owner)) }.id
        }
        let unassigned = try store.write(admin) { try $0.createTicket(TicketDraft(subject: "u")) }.id
        try world.setSharing(.tickets, .private)
        let staff = try world.actor(world.staff)
        // Private: the staff member reads only its own ticket; list, count and search agree.
        #expect(try store.tickets(for: staff, filter: TicketFilter(), sort: .createdTime, page: Page()).map(\.id) == [ids[world.staff]!])
        #expect(try store.ticketCount(for: staff, filter: TicketFilter()) == 1)
        #expect(try store.searchTickets(for: staff, search: TicketSearch(subject: "*"), sort: .createdTime, page: Page()).count == 1)
        #expect(try store.ticket(ids[world.manager]!, for: staff) == nil)
        #expect(try store.ticket(unassigned, for: staff) == nil)
        #expect(throws: StoreError.notFound) { try store.threads(ofTicket: unassigned, for: staff, page: Page()) }
        // The manager reaches the staff member's ticket below it; a page of one is exact.
        let manager = try world.actor(world.manager)
        let page = try store.tickets(for: manager, filter: TicketFilter(), sort: .createdTime, page: Page(from: 2, limit: 1))
        #expect(page.map(\.id) == [ids[world.manager]!])
        // Writes: unreadable → notFound, readable only → forbidden; nothing is written either way.
        #expect(throws: StoreError.notFound) {
            try store.write(staff) { try $0.updateTicket(ids[world.manager]!, changes: TicketChanges(subject: "x"), expectedVersion: nil) }
        }
        #expect(throws: StoreError.notFound) { try store.write(staff) { try $0.moveToTrash(tickets: [ids[world.staff]!, unassigned]) } }
        try world.setSharing(.tickets, .publicReadOnly)
        let reader = try world.actor(world.staff)
        #expect(throws: StoreError.forbidden) {
            try store.write(reader) { try $0.updateTicket(ids[world.manager]!, changes: TicketChanges(subject: "x"), expectedVersion: nil) }
        }
        #expect(throws: StoreError.forbidden) { try store.write(reader) { try $0.moveToTrash(tickets: [ids[world.staff]!, ids[world.peer]!]) } }
        #expect(throws: StoreError.forbidden) {
            try store.write(reader) { try $0.sendReply(toTicket: unassigned, ReplyDraft(channel: .email, content: "hi")) }
        }
        // Commenting needs only read reach.
        _ = try store.write(reader) { try $0.addComment(toTicket: unassigned, CommentDraft(content: "note")) }
        #expect(try store.ticket(ids[world.staff]!, for: admin)?.version == 1)
        #expect(try store.ticket(ids[world.manager]!, for: admin)?.subject == "t")
        // A ticket a private agent creates without an assignee is its own.
        try world.setSharing(.tickets, .private)
        let creator = try world.actor(world.staff)
        let created = try store.write(creator) { try $0.createTicket(TicketDraft(subject: "mine")) }
        #expect(created.assigneeID == world.staff)
        #expect(try store.ticket(created.id, for: creator) != nil)
    }

    @Test("Contacts and accounts: the creator owns them; owner must be an agent; the recycle bin shows what the agent may edit")
    func ownersAndRecycleBin() throws {
        let world = try World()
        defer { world.db.drop() }
        let store = world.store
        let staff = try world.actor(world.staff)
        let own = try store.write(staff) { try $0.createContact(ContactDraft(lastName: "Own")) }
        #expect(own.ownerID == world.staff)
        let others = try store.write(world.adminActor) { try $0.createContact(ContactDraft(lastName: "Other", ownerID: world.peer)) }
        #expect(others.ownerID == world.peer)
        #expect(throws: StoreError.invalid(field: "ownerId", reason: "is not an agent of this org")) {
            try store.write(staff) { try $0.createAccount(AccountDraft(accountName: "A", ownerID: 42)) }
        }
        // A reference to a record out of reach is refused like an unknown one.
        #expect(throws: StoreError.invalid(field: "contactId", reason: "is not a contact of this org")) {
            try store.write(staff) { try $0.createTicket(TicketDraft(subject: "t", contactID: others.id)) }
        }
        #expect(try store.write(staff) { try $0.createTicket(TicketDraft(subject: "t", contactID: own.id)) }.contactID == own.id)
        #expect(try store.contacts(for: staff, page: Page()).map(\.id) == [own.id])
        #expect(try store.searchContacts(for: staff, query: "O", page: Page()).map(\.id) == [own.id])
        #expect(try store.contactCount(for: staff) == 1)
        // Handing the contact to the peer puts it out of the staff member's reach.
        _ = try store.write(staff) { try $0.updateContact(own.id, changes: ContactChanges(ownerID: world.peer), expectedVersion: nil) }
        #expect(try store.contact(own.id, for: staff) == nil)
        #expect(throws: StoreError.notFound) {
            try store.write(staff) { try $0.updateContact(own.id, changes: ContactChanges(lastName: "x"), expectedVersion: nil) }
        }
        // The recycle bin: the administrator trashes both; the staff member sees neither, the peer both.
        try store.write(world.adminActor) { try $0.moveToTrash(contacts: [own.id, others.id]) }
        #expect(try store.recycleBin(for: staff, page: Page()).isEmpty)
        #expect(throws: StoreError.notFound) { try store.write(staff) { try $0.restore([own.id]) } }
        let peer = try world.actor(world.peer)
        #expect(Set(try store.recycleBin(for: peer, page: Page()).map(\.id)) == [own.id, others.id])
        #expect(try store.recycleBinCount(for: peer) == 2)
        try store.write(peer) { try $0.restore([own.id]) }
        #expect(try store.contact(own.id, for: peer)?.ownerID == world.peer)
    }
}

/// An org with a role tree, agents and departments:
/// CEO ─ Manager role ─ Lead role ─ Staff role; CEO ─ Peer role (shares with peers).
/// Agents: manager (Manager), lead (Lead), staff (Staff, department A), peer and peer2 (Peer; peer in
/// department A, peer2 in department B).
private struct World {
    let db: StoreTestDatabase
    let store: Store
    let org: Int64
    let adminID: Int64
    let adminActor: Actor
    let managerRole: Int64 = 10
    let leadRole: Int64 = 11
    let staffRole: Int64 = 12
    let peerRole: Int64 = 13
    let manager: Int64
    let lead: Int64
    let staff: Int64
    let peer: Int64
    let peer2: Int64
    let departmentA: Int64
    let departmentB: Int64

    init() throws {
        db = try StoreTestDatabase()
        store = db.store()
        let (org, admin, actor) = try db.org()
        self.org = org.id
        adminID = admin.id
        adminActor = actor
        for (id, parent, peers) in [(Int64(10), Int64(1), false), (11, 10, false), (12, 11, false), (13, 1, true)] {
            try db.connection.execute("""
                INSERT INTO roles (org_id, id, name, reports_to, share_data_with_peers, created_at, updated_at)
                VALUES (\(org.id), \(id), \("role \(id)"), \(parent), \(peers), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))
                """)
        }
        let store = self.store
        let (a, b) = try store.write(actor) { tx in
            (try tx.createDepartment(DepartmentDraft(name: "A")).id, try tx.createDepartment(DepartmentDraft(name: "B")).id)
        }
        departmentA = a
        departmentB = b
        func agent(_ name: String, _ role: Int64, _ departments: [Int64]) throws -> Int64 {
            try store.write(actor) { tx in
                try tx.createAgent(AgentDraft(email: "\(name)@acme.example", lastName: name, roleID: role,
                                              departmentIDs: departments)).id
            }
        }
        manager = try agent("manager", 10, [])
        lead = try agent("lead", 11, [])
        staff = try agent("staff", 12, [a])
        peer = try agent("peer", 13, [a])
        peer2 = try agent("peer2", 13, [b])
        AccessCache.shared.removeAll()
    }

    func access(_ agent: Int64) throws -> AgentAccess {
        AccessCache.shared.removeAll()
        return try #require(try store.access(org: org, agent: agent))
    }

    func actor(_ agent: Int64) throws -> Actor {
        Actor(orgID: org, agentID: agent, requestID: "req-visibility", access: try access(agent))
    }

    func setSharing(_ module: AccessModule, _ access: DataSharing) throws {
        try db.connection.execute("""
            REPLACE INTO data_sharing (org_id, module, access, updated_at)
            VALUES (\(org), \(module.rawValue), \(access.rawValue), UTC_TIMESTAMP(6))
            """)
        AccessCache.shared.removeAll()
    }

    func addRule(_ module: AccessModule, from: Int64, to: Int64, _ access: SharingRuleAccess) throws {
        try db.connection.execute("""
            INSERT INTO sharing_rules (org_id, id, module, from_role_id, to_role_id, access, created_at, updated_at)
            VALUES (\(org), \(db.ids.next()), \(module.rawValue), \(from), \(to), \(access.rawValue),
                    UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))
            """)
        AccessCache.shared.removeAll()
    }
}
