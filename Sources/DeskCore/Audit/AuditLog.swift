import Foundation
import MariaDB

/// Appends audit rows inside a write transaction.
enum AuditLog {
    /// Inserts one audit row on `connection` (which is inside the write's transaction), queued to travel
    /// with the transaction's next statement or its commit (``Connection/executeLater(_:)``).
    static func append(connection: Connection, id: Int64, actor: Actor, at time: Date, action: AuditAction,
                       recordType: String, recordID: Int64, changes: [FieldChange]) throws {
        let json = AuditChangesJSON.encode(changes)
        let requestID = String(actor.requestID.prefix(128))
        try connection.executeLater("""
            INSERT INTO audit_log (org_id, id, occurred_at, actor_id, actor_type, request_id, action, record_type, record_id, changes)
            VALUES (\(actor.orgID), \(id), \(time), \(actor.auditActorID), \(actor.kind.rawValue), \(requestID), \(action.rawValue),
                    \(recordType), \(recordID), \(json))
            """)
    }
}
