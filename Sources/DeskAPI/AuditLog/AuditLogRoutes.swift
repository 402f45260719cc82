import DeskCore
import DeskHTTP

/// `GET /api/v1/auditLogs`: the org's audit entries, newest first, filtered by `recordType`, `recordId`,
/// `actorId`, `action`, `startTime`/`endTime` (ISO 8601), paged by `from`/`limit`.
struct AuditLogRoutes: Sendable {
    let auth: APIAuthenticator

    static let actions = ["create", "update", "trash", "restore", "delete"]

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
        return .json(ListJSON(data: entries.map(AuditEntryJSON.init)))
    }
}

/// One audit entry: `{"id","time","actor":{"id"},"requestId","action","recordType","recordId",
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
    let requestId: String
    let action: String
    let recordType: String
    let recordId: String
    let changes: [ChangeJSON]

    init(_ entry: AuditEntry) {
        id = String(entry.id)
        time = APITime.format(entry.occurredAt)
        actor = ActorJSON(id: String(entry.actorID))
        requestId = entry.requestID
        action = entry.action.rawValue
        recordType = entry.recordType
        recordId = String(entry.recordID)
        changes = entry.changes.map(ChangeJSON.init)
    }
}
