import MariaDB

extension Store {
    /// The most owner and department branches ``reachPageIDs(_:filter:sort:page:)`` unions; an agent who
    /// reaches more owners than this is listed with one scan of the live index instead.
    static let maxReachBranches = 32

    /// For an agent who reaches the tickets of a few owners and departments: the query of one page as a
    /// union of one index range per owner (`ix_tickets_assignee`) and per department
    /// (`ix_tickets_department`), each read in sort order up to the end of the page, merged, cut to the
    /// page, then the full rows read by primary key. Nil when the actor's reach is not such a short list
    /// (administrators, public sharing, too many owners): the caller uses the plain scan.
    ///
    /// Why: the plain scan walks the live index in sort order and tests each row's assignee. Where the
    /// agent's tickets are rare among the newest (`sortBy=-createdTime` after a burst of unassigned
    /// tickets), one page read hundreds of thousands of rows; a branch reads at most `from + limit`.
    static func reachPageQuery(_ actor: Actor, filter: TicketFilter, sort: TicketSort, page: Page) -> SQL? {
        guard !actor.access.isAdministrator else { return nil }
        let reach = actor.access.visibility(of: .tickets)
        guard !reach.readsAll else { return nil }
        let branches: [SQL] = reach.readOwners.map { "assignee_id = \($0)" }
            + reach.readDepartments.map { "department_id = \($0)" }
        guard !branches.isEmpty, branches.count <= maxReachBranches else { return nil }
        let column = sort.field.column
        let direction = sort.descending ? "DESC" : "ASC"
        let depth = page.from - 1 + page.limit
        let base = conditions(org: actor.orgID, filter)
        let union = SQL.joined(branches.map { branch in
            """
            (SELECT id, \(unsafeRaw: column) AS sort_key FROM tickets WHERE \(base) AND \(branch)
             ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), id \(unsafeRaw: direction) LIMIT \(depth))
            """
        }, separator: " UNION ")
        return """
            SELECT \(Ticket.columns) FROM tickets
            WHERE org_id = \(actor.orgID) AND id IN (
                SELECT id FROM (
                    SELECT id, sort_key FROM (\(union)) AS reach
                    ORDER BY sort_key \(unsafeRaw: direction), id \(unsafeRaw: direction) \(page.sql)
                ) AS page_ids)
            ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), id \(unsafeRaw: direction)
            """   // allow-listed: TicketSort.Field.column and ASC/DESC
    }
}
