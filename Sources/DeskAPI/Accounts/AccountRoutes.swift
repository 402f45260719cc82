import DeskCore
import DeskHTTP

/// `/api/v1/accounts…`: list, search, get, create, update and move to the recycle bin. Every handler gets
/// an authenticated `AgentRequest`; reads and writes go through its `Store` (the one write path).
struct AccountRoutes: Sendable {
    let auth: APIAuthenticator

    /// The most accounts one `moveToTrash` call takes.
    static let maxTrashBatch = 100
    /// Sort keys by their `sortBy` name (a leading `-` sorts descending).
    static let sortKeys = AccountSort.Field.allCases.map(\.rawValue)

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/accounts", auth.protect(list))
        router.get("/api/v1/accounts/search", auth.protect(search))
        router.post("/api/v1/accounts", auth.protect(create))
        router.get("/api/v1/accounts/{id}", auth.protect(get))
        router.patch("/api/v1/accounts/{id}", auth.protect(update))
        router.post("/api/v1/accounts/moveToTrash", auth.protect(moveToTrash))
    }

    /// `?from=&limit=&sortBy=(-)createdTime|modifiedTime|accountName` → `{"data":[…]}`.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let page = try QueryReader(query: request.http.query).page()
        let sort = try RecordRequest.sort(request.http.query, default: AccountSort.createdTime, keys: Self.sortKeys,
                                          parse: AccountSort.init(sortBy:))
        let accounts = try request.store.accounts(in: request.orgID, page: page, sort: sort)
        return .json(ListJSON(data: accounts.map(AccountJSON.init)))
    }

    /// `?searchStr=…&from=&limit=`: accounts whose name or email starts with the text.
    private func search(_ request: AgentRequest) throws -> HTTPResponse {
        let text = try RecordRequest.searchString(request.http.query)
        let page = try QueryReader(query: request.http.query).page()
        let accounts = try request.store.searchAccounts(in: request.orgID, query: text, page: page)
        return .json(ListJSON(data: accounts.map(AccountJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        guard let account = try request.store.account(id, in: request.orgID) else { throw StoreError.notFound }
        return Self.single(account)
    }

    /// Zoho Desk answers a create with 200 and the record.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        let draft = try AccountInput.draft(from: request.http)
        let account = try CustomFieldErrors.naming {
            try request.store.write(request.actor) { tx in try tx.createAccount(draft) }
        }
        return Self.single(account)
    }

    /// `If-Match: "<version>"` (or `*`) makes the update conditional: 412 when the account changed since.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try AccountInput.changes(from: request.http)
        let account = try CustomFieldErrors.naming {
            try request.store.write(request.actor) { tx in
                try tx.updateAccount(id, changes: changes, expectedVersion: expected)
            }
        }
        return Self.single(account)
    }

    /// `{"accountIds":["…"]}` → 204 No Content, like tickets; all or nothing.
    private func moveToTrash(_ request: AgentRequest) throws -> HTTPResponse {
        let unique = try RecordRequest.idList(request.http, key: "accountIds", maxCount: Self.maxTrashBatch)
        try request.store.write(request.actor) { tx in try tx.moveToTrash(accounts: unique) }
        return .empty()
    }

    static func single(_ account: Account) -> HTTPResponse {
        RecordRequest.single(AccountJSON(account: account), version: account.version)
    }
}
