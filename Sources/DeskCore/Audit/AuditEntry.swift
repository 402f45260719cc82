import Foundation
import MariaDB

/// One audited change: who did what to which record, when, in which request, and the fields it changed.
public struct AuditEntry: Sendable, Equatable {
    public let id: Int64
    public let occurredAt: Date
    public let actorID: Int64
    /// Agent, end user (actor id = contact id) or system (actor id 0).
    public let actorType: ActorKind
    public let requestID: String
    public let action: AuditAction
    /// "ticket", "agent", "org", …
    public let recordType: String
    public let recordID: Int64
    public let changes: [FieldChange]

    public init(id: Int64, occurredAt: Date, actorID: Int64, actorType: ActorKind? = nil, requestID: String,
                action: AuditAction, recordType: String, recordID: Int64, changes: [FieldChange]) {
        self.id = id
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorType = actorType ?? (actorID == 0 ? .system : .agent)
        self.requestID = requestID
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.changes = changes
    }

    init(row: Row) throws {
        let json = try row.decode("changes", as: String.self)
        let changes: [FieldChange]
        do {
            changes = try JSONDecoder().decode([FieldChange].self, from: Data(json.utf8))
        } catch {
            throw RowDecodingError(column: "changes", expected: "[FieldChange] JSON", found: "invalid JSON")
        }
        self.init(id: try row.decode("id"), occurredAt: try row.decode("occurred_at"),
                  actorID: try row.decode("actor_id"),
                  actorType: ActorKind(rawValue: try row.decode("actor_type", as: String.self)) ?? .agent, requestID: try row.decode("request_id"),
                  action: try row.decodeRaw("action"), recordType: try row.decode("record_type"),
                  recordID: try row.decode("record_id"), changes: changes)
    }

    static let columns: SQL = "id, occurred_at, actor_id, actor_type, request_id, action, record_type, record_id, changes"
}
