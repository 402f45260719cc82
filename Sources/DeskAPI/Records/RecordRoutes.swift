import DeskCore
import DeskHTTP

/// A ``RecordAPI`` type's routes under its path: list, search, get, create, update and move to the
/// recycle bin. Every handler gets an authenticated `AgentRequest`; reads and writes go through its
/// `Store` (the one write path) with the agent's reach: lists and searches hold only the records it may
/// read, a record out of reach is 404, and a change to a record it may only read is 403 `FORBIDDEN`.
struct RecordRoutes<API: RecordAPI>: Sendable {
    typealias Record = API.Record
    typealias Sort = RecordSort<Record.SortField>

    let auth: APIAuthenticator

    /// The most records one `moveToTrash` call takes.
    static var maxTrashBatch: Int { 100 }

    func register(on router: Router<WorkerContext>) {
        router.get(API.path, auth.protect(list))
        router.get(API.path + "/search", auth.protect(search))
        router.post(API.path, auth.protect(create))
        router.get(API.path + "/{id}", auth.protect(get))
        router.patch(API.path + "/{id}", auth.protect(update))
        router.post(API.path + "/moveToTrash", auth.protect(moveToTrash))
    }

    /// `?from=&limit=&sortBy=(-)<sort field>` → `{"data":[…]}`.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let page = try QueryReader(query: request.http.query).page()
        let sort = try RecordRequest.sort(request.http.query, default: Sort.default, keys: Sort.keys,
                                          parse: Sort.init(sortBy:))
        let records = try request.store.records(Record.self, for: request.actor, page: page, sort: sort)
        return .json(ListJSON(data: records.map(API.json)))
    }

    /// `?searchStr=…&from=&limit=`: records whose search fields start with the text.
    private func search(_ request: AgentRequest) throws -> HTTPResponse {
        let text = try RecordRequest.searchString(request.http.query)
        let page = try QueryReader(query: request.http.query).page()
        let records = try request.store.searchRecords(Record.self, for: request.actor, query: text, page: page)
        return .json(ListJSON(data: records.map(API.json)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, reading: { store, id, actor in try store.record(Record.self, id, for: actor) },
                               answer: Self.single)
    }

    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.create(request, namingCustomFields: true, read: API.draft(from:),
                                  write: { tx, draft in try tx.create(Record.self, draft) }, answer: Self.single)
    }

    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.update(request, namingCustomFields: true, read: API.changes(from:),
                                  write: { tx, id, changes, expected in
                                      try tx.update(Record.self, id, changes: changes, expectedVersion: expected)
                                  }, answer: Self.single)
    }

    /// `{"<idsKey>":["…"]}` → 204 No Content, like tickets; all or nothing.
    private func moveToTrash(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.moveToTrash(request, key: API.idsKey, maxCount: Self.maxTrashBatch) { tx, ids in
            try tx.moveToTrash(Record.self, ids)
        }
    }

    /// The record with `ETag: "<version>"`.
    static func single(_ record: Record) -> HTTPResponse {
        RecordRequest.single(API.json(record), version: record.version)
    }
}
