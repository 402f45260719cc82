import Foundation
import MariaDB

extension Store {
    /// A page of the org's audit entries matching `filter`, newest first.
    public func auditEntries(in org: Int64, filter: AuditFilter, page: Page) throws -> [AuditEntry] {
        try page.validate()
        var parts: [SQL] = ["org_id = \(org)"]
        if let type = filter.recordType { parts.append("record_type = \(type)") }
        if let id = filter.recordID { parts.append("record_id = \(id)") }
        if let actor = filter.actorID { parts.append("actor_id = \(actor)") }
        if let action = filter.action { parts.append("action = \(action.rawValue)") }
        if let from = filter.from { parts.append("occurred_at >= \(from)") }
        if let to = filter.to { parts.append("occurred_at <= \(to)") }
        return try connection.query("""
            SELECT \(AuditEntry.columns) FROM audit_log WHERE \(SQL.joined(parts, separator: " AND "))
            ORDER BY occurred_at DESC, id DESC \(page.sql)
            """).map(AuditEntry.init(row:))
    }
}
