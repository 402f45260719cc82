import MariaDB

/// Record-level reach of an ``Actor`` (its ``AgentAccess``) on tickets, contacts and accounts, in the
/// form reads and writes need it: a `WHERE` condition for reads, a check of one locked row for writes.
extension Actor {
    /// The condition that keeps reads of `kind` to what the actor may read: `TRUE` for administrators and
    /// public sharing, else owner / department membership on the kind's allow-listed columns.
    func readCondition(_ kind: RecordKind) -> SQL {
        if access.isAdministrator { return "TRUE" }
        return access.visibility(of: kind.module).readCondition(owner: kind.ownerColumn, department: kind.departmentColumn)
    }

    /// The condition of the records of `kind` the actor may change (the recycle bin's view).
    func writeCondition(_ kind: RecordKind) -> SQL {
        if access.isAdministrator { return "TRUE" }
        return access.visibility(of: kind.module).writeCondition(owner: kind.ownerColumn, department: kind.departmentColumn)
    }

    /// Throws unless the actor may change a record of `kind` with this owner and department: `forbidden`
    /// when it may only read it, `notFound` when it may not even read it (no existence leak).
    func requireWritable(_ kind: RecordKind, owner: Int64?, department: Int64?) throws {
        if access.isAdministrator { return }
        let visibility = access.visibility(of: kind.module)
        if visibility.canWrite(owner: owner, department: department) { return }
        throw visibility.canRead(owner: owner, department: department) ? StoreError.forbidden : StoreError.notFound
    }

    /// Throws `notFound` unless the actor may read a record of `kind` with this owner and department.
    func requireReadable(_ kind: RecordKind, owner: Int64?, department: Int64?) throws {
        if access.isAdministrator { return }
        guard access.visibility(of: kind.module).canRead(owner: owner, department: department) else {
            throw StoreError.notFound
        }
    }

    /// The system actor of an org (agent 0, every right): for the CLI, jobs and tests that read as the org.
    public static func system(_ org: Int64, requestID: String = "") -> Actor {
        Actor(orgID: org, agentID: 0, requestID: requestID)
    }
}
