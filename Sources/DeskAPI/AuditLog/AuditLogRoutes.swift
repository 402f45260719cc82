import DeskCore
import DeskHTTP

/// `GET /api/v1/auditLogs`: the org's audit entries, newest first, filtered by `recordType`, `recordId`,
/// `actorId`, `action`, `startTime`/`endTime` (ISO 8601), paged by `from`/`limit`.
///
/// For an agent whose profile hides fields (``FieldMask``), the changes of a hidden field of a ticket,
/// contact or account keep their `field` name but show `oldValue` and `newValue` as ``masked`` (both,
/// even when one was null, so that not even "was set" or "was cleared" shows).
struct AuditLogRoutes: Sendable {
    let auth: APIAuthenticator

    static let actions = ["create", "update", "trash", "restore", "delete"]

    /// What a hidden field's old and new values show.
    static let masked = "****"

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/auditLogs", auth.protect(list))
    }

    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let reader = QueryReader(query: request.http.query)
        var filter = AuditFilter()
        if let type = request.http.query["recordType"] {
            // Record types are short ASCII words; anything else cannot match and is refused up front.
            guard (1...64).contains(type.utf8.count), type.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else {
                throw QueryReader.invalid("recordType", "Expected a record type such as ticket.")
            }
            filter.recordType = type.lowercased()
        }
        filter.recordID = try reader.id("recordId")
        filter.actorID = try reader.id("actorId")
        filter.action = try reader.enumValue("action", AuditAction.self, allowed: Self.actions)
        filter.from = try reader.date("startTime")
        filter.to = try reader.date("endTime")
        let page = try reader.page()
        let entries = try request.store.auditEntries(in: request.orgID, filter: filter, page: page)
        let mask = FieldMask.current
        return .json(ListJSON(data: entries.map { AuditEntryJSON(Self.masking($0, mask)) }))
    }

    /// `entry` with the values of fields `mask` hides replaced by ``masked``.
    static func masking(_ entry: AuditEntry, _ mask: FieldMask) -> AuditEntry {
        guard !mask.isEmpty, let module = FieldPermissionFields.module(ofRecordType: entry.recordType) else { return entry }
        let hidden = mask.hidden(module)
        guard !hidden.isEmpty else { return entry }
        let changes = entry.changes.map { change -> FieldChange in
            let name = change.field.hasPrefix("cf.") ? String(change.field.dropFirst(3)) : change.field
            guard hidden.contains(name) else { return change }
            return FieldChange(field: change.field, old: masked, new: masked)
        }
        return AuditEntry(id: entry.id, occurredAt: entry.occurredAt, actorID: entry.actorID, actorType: entry.actorType, requestID: entry.requestID,
                          action: entry.action, recordType: entry.recordType, recordID: entry.recordID, changes: changes)
    }
}

/// One audit entry: `{"id","time","actor":{"id"},"actorType","requestId","action","recordType","recordId",
/// "changes":[{"field","oldValue","newValue"}]}`.
struct AuditEntryJSON: Encodable {
    struct ActorJSON: Encodable { let id: String }

    struct ChangeJSON: Encodable {
        let change: FieldChange

        private enum Key: String, CodingKey { case field, oldValue, newValue }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(change.field, forKey: .field)
            try container.encode(change.old, forKey: .oldValue)
            try container.encode(change.new, forKey: .newValue)
        }
    }

    let id: String
    let time: String
    let actor: ActorJSON
    /// `agent`, `enduser` (then `actor.id` is the end user's contact id) or `system` (`actor.id` "0").
    let actorType: String
    let requestId: String
    let action: String
    let recordType: String
    let recordId: String
    let changes: [ChangeJSON]

    init(_ entry: AuditEntry) {
        id = String(entry.id)
        time = APITime.format(entry.occurredAt)
        actor = ActorJSON(id: String(entry.actorID))
        actorType = entry.actorType.rawValue
        requestId = entry.requestID
        action = entry.action.rawValue
        recordType = entry.recordType
        recordId = String(entry.recordID)
        changes = entry.changes.map(ChangeJSON.init)
    }
}
