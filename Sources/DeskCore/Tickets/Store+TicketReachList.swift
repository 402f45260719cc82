import Foundation
import MariaDB

/// The ticket lists of agents whose reach is a list of owners and departments (not administrators, not
/// public sharing). The plain list would walk the live index in sort order and read every row to test its
/// assignee: where the agent's tickets are rare among the others (the newest first after a burst of
/// unassigned tickets) one page read hundreds of thousands of rows. Instead a page's ids are found in an
/// index alone, then only the page's rows are read by primary key:
///
/// - by created time without other filters: one scan of `ix_tickets_live_reach` (created time, id,
///   assignee and department on each entry), testing the reach on the entries themselves;
/// - any other order or filter: one range per reachable assignee (`ix_tickets_assignee`) and per
///   department (`ix_tickets_department`), each read in sort order up to the end of the page, merged;
/// - more than ``Store/maxReachBranches`` owners and departments: the plain list.
extension Store {
    /// The most owner and department ranges a page merges.
    static let maxReachBranches = 32

    /// The query of one page for a restricted agent, or nil when the plain list is the better plan.
    static func reachPageQuery(_ actor: Actor, filter: TicketFilter, sort: TicketSort, page: Page) -> SQL? {
        guard !actor.access.isAdministrator else { return nil }
        let reach = actor.access.visibility(of: .tickets)
        guard !reach.readsAll else { return nil }
        let direction = sort.descending ? "DESC" : "ASC"
        let ids: SQL
        if sort.field == .createdTime && filter == TicketFilter() {
            ids = """
                SELECT id, created_at AS sort_key FROM tickets FORCE INDEX (ix_tickets_live_reach)
                WHERE org_id = \(actor.orgID) AND deleted_at IS NULL AND \(actor.readCondition(.ticket))
                ORDER BY created_at \(unsafeRaw: direction), id \(unsafeRaw: direction) \(page.sql)
                """   // allow-listed: ASC/DESC
        } else {
            let branches: [SQL] = reach.readOwners.map { "assignee_id = \($0)" }
                + reach.readDepartments.map { "department_id = \($0)" }
            guard !branches.isEmpty, branches.count <= maxReachBranches else { return nil }
            let column = sort.field.column
            let base = conditions(org: actor.orgID, filter)
            let depth = page.from - 1 + page.limit
            let ranges = branches.map { branch -> SQL in
                """
                (SELECT id, \(unsafeRaw: column) AS sort_key FROM tickets WHERE \(base) AND \(branch)
                 ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), id \(unsafeRaw: direction) LIMIT \(depth))
                """   // allow-listed: TicketSort.Field.column and ASC/DESC
            }
            // Assignees are distinct, so their ranges never share a ticket; a department range may repeat
            // an assignee's ticket, and then UNION drops the copy.
            let union = SQL.joined(ranges, separator: reach.readDepartments.isEmpty ? " UNION ALL " : " UNION ")
            ids = """
                SELECT id, sort_key FROM (\(union)) AS reach
                ORDER BY sort_key \(unsafeRaw: direction), id \(unsafeRaw: direction) \(page.sql)
                """   // allow-listed: ASC/DESC
        }
        return """
            SELECT \(unsafeRaw: pageColumns) FROM (\(ids)) AS page_ids
            JOIN tickets t ON t.org_id = \(actor.orgID) AND t.id = page_ids.id
            ORDER BY page_ids.sort_key \(unsafeRaw: direction), page_ids.id \(unsafeRaw: direction)
            """   // allow-listed: Ticket.columns and ASC/DESC
    }

    /// ``Ticket/columns`` of the joined row `t`.
    private static let pageColumns = Ticket.columns.text.split(separator: ",")
        .map { "t." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .joined(separator: ", ")
}
