import MariaDB

extension WriteTransaction {
    /// Removes every thread and comment of a ticket that is being deleted permanently, each with an
    /// audit 'delete' entry holding no values (they are personal), and every attachment of the ticket with
    /// all its chunk rows (each audited 'delete'). Called by `deletePermanently`.
    func deleteChildren(ofTicket ticketID: Int64) throws {
        try deleteAttachments(ofTicket: ticketID)
        for (table, recordType) in [("ticket_threads", "thread"), ("ticket_comments", "comment")] {
            let ids: [Int64] = try connection.query("""
                SELECT id FROM \(unsafeRaw: table) WHERE org_id = \(orgID) AND ticket_id = \(ticketID) ORDER BY id FOR UPDATE
                """).map { try $0.decode("id") }   // allow-listed: the two literal table names above
            if ids.isEmpty { continue }
            try connection.execute(
                "DELETE FROM \(unsafeRaw: table) WHERE org_id = \(orgID) AND ticket_id = \(ticketID)")   // allow-listed: literal table names
            for id in ids { try audit(.delete, recordType, id, []) }
        }
    }
}
