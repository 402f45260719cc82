import Foundation
import MariaDB

extension Store {
    /// Creates an org in `region` with its first agent, an administrator, and a default department (named
    /// after the org, the administrator in it), in one transaction; audited ('create' of the org, the
    /// department and the agent) with the system as actor (agent id 0).
    ///
    /// - Throws: `StoreError.invalid` for a bad portal ("portal"), name ("name"), email ("email") or last
    ///   name ("lastName"); `StoreError.conflict` when the portal is taken in this region.
    public func createOrg(portal: String, name: String, region: RegionID, adminEmail: String,
                          adminLastName: String, adminFirstName: String?) throws -> (Org, Agent) {
        try Self.validate(portal: portal)
        try Validation.text(name, field: "name", max: 255)
        try Validation.email(adminEmail, field: "email")
        try Validation.text(adminLastName, field: "lastName", max: 100)
        if let first = adminFirstName { try Validation.length(first, field: "firstName", max: 100) }
        let orgID = ids.next()
        let system = Actor(orgID: orgID, agentID: 0, requestID: "")
        do {
            return try connection.transaction { connection in
                let taken = try connection.queryFirst("""
                    SELECT (SELECT COUNT(*) FROM orgs WHERE portal = \(portal))
                         + (SELECT COUNT(*) FROM org_tombstones WHERE portal = \(portal)) AS n
                    """)?.decode("n", as: Int64.self) ?? 0
                if taken > 0 { throw StoreError.conflict("portal") }
                let now = Store.now()
                try connection.execute("""
                    INSERT INTO orgs (id, portal, name, region, recycle_bin_retention_days, created_at, updated_at,
                                      version)
                    VALUES (\(orgID), \(portal), \(name), \(region.rawValue), \(Org.defaultRetentionDays), \(now),
                            \(now), 1)
                    """)
                try AuditLog.append(connection: connection, id: ids.next(), actor: system, at: now, action: .create,
                                    recordType: "org", recordID: orgID, changes: [
                                        FieldChange(field: "portalName", old: nil, new: portal),
                                        FieldChange(field: "companyName", old: nil, new: name),
                                        FieldChange(field: "region", old: nil, new: region.rawValue),
                                        FieldChange(field: "recycleBinRetentionDays", old: nil,
                                                    new: String(Org.defaultRetentionDays)),
                                    ])
                // The write joins this transaction.
                let agent = try write(system) { tx in
                    // At most 100 code points, as the column counts them.
                    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                    let departmentName = String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix(100)))
                    let department = try tx.createDepartment(DepartmentDraft(name: departmentName), isDefault: true)
                    return try tx.createAgent(AgentDraft(email: adminEmail, firstName: adminFirstName,
                                                         lastName: adminLastName, profileID: BuiltInProfile.administrator.rawValue,
                                                         departmentIDs: [department.id]))
                }
                guard let org = try org(id: orgID) else { throw StoreError.notFound }
                return (org, agent)
            }
        } catch let error as MariaDBError where error.code == 1062 {
            throw StoreError.conflict("portal")   // a concurrent create took the portal
        }
    }

    /// The orgs an actor can act in: its own live org (an agent belongs to exactly one).
    public func orgs(of actor: Actor) throws -> [Org] {
        try org(id: actor.orgID).map { [$0] } ?? []
    }

    /// The live org with this id.
    public func org(id: Int64) throws -> Org? {
        try connection.queryFirst("""
            SELECT \(Org.columns) FROM orgs WHERE id = \(id) AND deleted_at IS NULL
            """).map(Org.init(row:))
    }

    /// The live org with this portal name (case-insensitive).
    public func org(portal: String) throws -> Org? {
        try connection.queryFirst("""
            SELECT \(Org.columns) FROM orgs WHERE portal = \(portal) AND deleted_at IS NULL
            """).map(Org.init(row:))
    }

    /// Portal names that are paths of deskd itself under `/portal/` (nginx serves `/portal/assets/`).
    static let reservedPortals: Set<String> = ["assets"]

    /// `^[a-z0-9][a-z0-9-]{1,62}$` and not reserved, else `StoreError.invalid(field: "portal", …)`.
    static func validate(portal: String) throws {
        if reservedPortals.contains(portal) {
            throw StoreError.invalid(field: "portal", reason: "is reserved")
        }
        let bytes = Array(portal.utf8)
        func allowed(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard (2...63).contains(bytes.count), allowed(bytes[0]),
              bytes.dropFirst().allSatisfy({ allowed($0) || $0 == UInt8(ascii: "-") }) else {
            throw StoreError.invalid(field: "portal", reason: "must match ^[a-z0-9][a-z0-9-]{1,62}$")
        }
    }
}
