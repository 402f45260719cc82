import DeskCore
import DeskHTTP

/// The handler steps the record routes share (get, create, update with `If-Match`, move to the recycle
/// bin): read the request, run one store read or one write transaction, answer. The record-specific parts
/// come in as closures, called once per request.
enum RecordHandlers {
    /// `GET …/{id}` of a shared module (tickets, contacts, accounts): the live record `read` returns for
    /// the path id and the acting agent (its org and reach), else 404 — a record out of the agent's reach
    /// is as absent as an unknown one.
    static func get<Record>(_ request: AgentRequest, reading read: (Store, _ id: Int64, _ actor: Actor) throws -> Record?,
                            answer: (Record) -> HTTPResponse) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        guard let record = try read(request.store, id, request.actor) else { throw StoreError.notFound }
        return answer(record)
    }

    /// `GET …/{id}` of an org-wide record (departments, custom fields): the live record `find` returns for
    /// the path id and the org, else 404.
    static func get<Record>(_ request: AgentRequest, find: (Store, _ id: Int64, _ org: Int64) throws -> Record?,
                            answer: (Record) -> HTTPResponse) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        guard let record = try find(request.store, id, request.orgID) else { throw StoreError.notFound }
        return answer(record)
    }

    /// `POST …`: the body read with `read`, written with `write` in one transaction; Zoho Desk answers a
    /// create with 200 and the record. With `namingCustomFields`, a custom field refusal names `/cf/<name>`.
    static func create<Draft, Record>(_ request: AgentRequest, namingCustomFields: Bool = false,
                                      read: (HTTPRequest) throws -> Draft,
                                      write: (WriteTransaction, Draft) throws -> Record,
                                      answer: (Record) -> HTTPResponse) throws -> HTTPResponse {
        let draft = try read(request.http)
        let record = try naming(namingCustomFields) {
            try request.store.write(request.actor) { tx in try write(tx, draft) }
        }
        return answer(record)
    }

    /// `PATCH …/{id}`: `If-Match: "<version>"` (or `*`) makes the update conditional (412 when the record
    /// changed since); the body read with `read`, written with `write` in one transaction.
    static func update<Changes, Record>(
        _ request: AgentRequest, namingCustomFields: Bool = false, read: (HTTPRequest) throws -> Changes,
        write: (WriteTransaction, _ id: Int64, Changes, _ expectedVersion: Int64?) throws -> Record,
        answer: (Record) -> HTTPResponse
    ) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try read(request.http)
        let record = try naming(namingCustomFields) {
            try request.store.write(request.actor) { tx in try write(tx, id, changes, expected) }
        }
        return answer(record)
    }

    /// `POST …/moveToTrash` with `{"<key>":["…"]}` → 204 No Content; all or nothing (one id unknown or
    /// out of reach → 404, one only readable → 403, and nothing is moved).
    static func moveToTrash(_ request: AgentRequest, key: String, maxCount: Int,
                            write: (WriteTransaction, [Int64]) throws -> Void) throws -> HTTPResponse {
        let unique = try RecordRequest.idList(request.http, key: key, maxCount: maxCount)
        try request.store.write(request.actor) { tx in try write(tx, unique) }
        return .empty()
    }

    private static func naming<T>(_ enabled: Bool, _ body: () throws -> T) throws -> T {
        enabled ? try CustomFieldErrors.naming(body) : try body()
    }
}
