import DeskCore
import DeskHTTP

/// `/api/v1/recycleBin…`: list what is in the recycle bin, restore it, or delete it permanently.
/// Restore and delete take `{"ids":["…"]}` and answer 204 No Content; all or nothing. A non-administrator
/// sees, restores and deletes only the records it could edit were they live (its sharing reach).
struct RecycleBinRoutes: Sendable {
    let auth: APIAuthenticator

    /// The most ids one restore or delete call takes.
    static let maxBatch = 100

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/recycleBin", auth.protect(list))
        router.post("/api/v1/recycleBin/restore", auth.protect(restore))
        router.post("/api/v1/recycleBin/delete", auth.protect(deletePermanently))
    }

    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let page = try QueryReader(query: request.http.query).page()
        let items = try request.store.recycleBin(for: request.actor, page: page)
        return .json(ListJSON(data: items.map(RecycleBinItemJSON.init)))
    }

    private func restore(_ request: AgentRequest) throws -> HTTPResponse {
        let ids = try Self.ids(request.http)
        try request.store.write(request.actor) { tx in try tx.restore(ids) }
        return .empty()
    }

    private func deletePermanently(_ request: AgentRequest) throws -> HTTPResponse {
        let ids = try Self.ids(request.http)
        try request.store.write(request.actor) { tx in try tx.deletePermanently(ids) }
        return .empty()
    }

    private static func ids(_ request: HTTPRequest) throws -> [Int64] {
        try RecordRequest.idList(request, key: "ids", maxCount: maxBatch)
    }
}

/// One recycle bin entry: `{"id","type","name","deletedTime","deletedBy"}`; `type` is the record type
/// with a capital (`"Ticket"`), `name` its display name (a ticket's subject).
struct RecycleBinItemJSON: Encodable {
    let id: String
    let type: String
    let name: String
    let deletedTime: String
    let deletedBy: String

    init(_ item: RecycleBinItem) {
        id = String(item.id)
        type = item.recordType.prefix(1).uppercased() + item.recordType.dropFirst()
        name = item.displayName
        deletedTime = APITime.format(item.deletedAt)
        deletedBy = String(item.deletedBy)
    }
}
