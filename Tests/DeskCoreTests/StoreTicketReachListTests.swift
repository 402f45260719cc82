import DeskCore
import Foundation
import MariaDB
import Testing

/// Restricted ticket lists (a union of one index range per reachable assignee and department, then the
/// page): every page, in every sort and direction, holds exactly the reachable tickets the administrator's
/// list holds in that order — including tickets reachable twice (own and of a reachable department) and
/// agents whose reach is too long for the union (the plain scan).
@Suite("Store: restricted ticket lists page exactly")
struct StoreTicketReachListTests {
    @Test("owner and department branches: every page in every sort equals the filtered full list")
    func pagesMatchTheFilteredFullList() throws {
        let db = try StoreTestDatabase()
        defer { db.drop() }
        let store = db.store()
        let (org, _, admin) = try db.org()
        let (sales, support) = try store.write(admin) { tx in
            (try tx.createDepartment(DepartmentDraft(name: "Sales")).id,
             try tx.createDepartment(DepartmentDraft(name: "Support")).id)
        }
        let agents = try (0..<3).map { index in
            try store.write(admin) { tx in
                try tx.createAgent(AgentDraft(email: "a\(index)@acme.example", lastName: "A\(index)")).id
            }
        }
        // 40 tickets: assignees cycle over the three agents and nobody, departments over Sales, Support and none;
        // due dates cycle with gaps (NULLs sort first ascending).
        for index in 0..<40 {
            _ = try store.write(admin) { tx in
                try tx.createTicket(TicketDraft(
                    subject: "t\(index)", assigneeID: index % 4 == 3 ? nil : agents[index % 4 % 3],
                    dueDate: index % 5 == 0 ? nil : Date(timeIntervalSince1970: Double(1_800_000_000 + (index * 7919) % 97 * 3600)),
                    departmentID: [sales, support, nil][index % 3]))
            }
        }
        let reach = RecordVisibility(readsAll: false, writesAll: false, readOwners: [agents[0], agents[1]],
                                     writeOwners: [], readDepartments: [sales], writeDepartments: [])
        func restricted(_ reach: RecordVisibility) -> Actor {
            Actor(orgID: org.id, agentID: agents[0], requestID: "r", access: AgentAccess(
                profileID: 2, roleID: 1, permissions: BuiltInProfile.agent.permissions, isAdministrator: false,
                visibility: [.tickets: reach], fields: [:]))
        }
        // More owners than the union takes: the same pages through the plain scan.
        let wide = RecordVisibility(readsAll: false, writesAll: false,
                                    readOwners: Set([agents[0], agents[1]] + (1...40).map { Int64($0) }),
                                    writeOwners: [], readDepartments: [sales], writeDepartments: [])
        for sort in [TicketSort.createdTime, TicketSort(.createdTime, descending: true),
                     TicketSort(.dueDate), TicketSort(.dueDate, descending: true), TicketSort(.ticketNumber, descending: true)] {
            let all = try store.tickets(for: admin, filter: TicketFilter(), sort: sort, page: Page(from: 1, limit: 100))
            let expected = all.filter { reach.canRead(owner: $0.assigneeID, department: $0.departmentID) }.map(\.id)
            #expect(expected.count > 20)
            for limit in [1, 7, 10] {
                for from in stride(from: 1, through: expected.count + 1, by: limit) {
                    let page = Page(from: from, limit: limit)
                    let want = Array(expected.dropFirst(from - 1).prefix(limit))
                    #expect(try store.tickets(for: restricted(reach), filter: TicketFilter(), sort: sort, page: page).map(\.id) == want)
                    #expect(try store.tickets(for: restricted(wide), filter: TicketFilter(), sort: sort, page: page).map(\.id) == want)
                }
            }
        }
        // A filter applies inside every branch.
        let filtered = try store.tickets(for: restricted(reach), filter: TicketFilter(departmentID: support),
                                         sort: .createdTime, page: Page(limit: 100))
        #expect(!filtered.isEmpty && filtered.allSatisfy { $0.departmentID == support && reach.canRead(owner: $0.assigneeID, department: $0.departmentID) })
    }
}
