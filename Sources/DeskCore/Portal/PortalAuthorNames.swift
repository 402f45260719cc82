import MariaDB

/// The display names of the agents and contacts who wrote a ticket's conversation, read in one query each.
struct PortalAuthorNames {
    private var agents: [Int64: String] = [:]
    private var contacts: [Int64: String] = [:]

    /// Reads the names of `agents` and `contacts` of `org` (records in the recycle bin included: their
    /// past messages keep their author).
    static func read(agents: [Int64], contacts: [Int64], org: Int64, connection: Connection) throws -> PortalAuthorNames {
        var names = PortalAuthorNames()
        let agentIDs = Array(Set(agents)).sorted()
        let contactIDs = Array(Set(contacts)).sorted()
        if !agentIDs.isEmpty {
            for row in try connection.query("""
                SELECT id, first_name, last_name FROM agents WHERE org_id = \(org) AND id IN (\(list: agentIDs))
                """) {
                names.agents[try row.decode("id")] = try displayName(row)
            }
        }
        if !contactIDs.isEmpty {
            for row in try connection.query("""
                SELECT id, first_name, last_name FROM contacts WHERE org_id = \(org) AND id IN (\(list: contactIDs))
                """) {
                names.contacts[try row.decode("id")] = try displayName(row)
            }
        }
        return names
    }

    /// The author of a message by `type` and `id`.
    func author(_ type: AuthorType, _ id: Int64) -> PortalTicketEntry.Author {
        switch type {
        case .agent: agents[id].map { .agent(name: $0) } ?? .unknown
        case .endUser: contacts[id].map { .contact(name: $0) } ?? .unknown
        }
    }

    /// "First Last", or the last name alone.
    private static func displayName(_ row: Row) throws -> String {
        let first: String? = try row.decode("first_name")
        let last: String = try row.decode("last_name")
        guard let first, !first.isEmpty else { return last }
        return "\(first) \(last)"
    }
}
