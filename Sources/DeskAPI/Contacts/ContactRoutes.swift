import DeskCore
import DeskHTTP

/// `/api/v1/contacts…`: list, search, get, create, update and move to the recycle bin. Every handler gets
/// an authenticated `AgentRequest`; reads and writes go through its `Store` (the one write path).
struct ContactRoutes: Sendable {
    let auth: APIAuthenticator

    /// The most contacts one `moveToTrash` call takes.
    static let maxTrashBatch = 100
    /// Sort keys by their `sortBy` name (a leading `-` sorts descending).
    static let sortKeys = ContactSort.Field.allCases.map(\.rawValue)

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/contacts", auth.protect(list))
        router.get("/api/v1/contacts/search", auth.protect(search))
        router.post("/api/v1/contacts", auth.protect(create))
        router.get("/api/v1/contacts/{id}", auth.protect(get))
        router.patch("/api/v1/contacts/{id}", auth.protect(update))
        router.post("/api/v1/contacts/moveToTrash", auth.protect(moveToTrash))
    }

    /// `?from=&limit=&sortBy=(-)createdTime|modifiedTime|lastName` → `{"data":[…]}`.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let page = try QueryReader(query: request.http.query).page()
        let sort = try RecordRequest.sort(request.http.query, default: ContactSort.createdTime, keys: Self.sortKeys,
                                          parse: ContactSort.init(sortBy:))
        let contacts = try request.store.contacts(in: request.orgID, page: page, sort: sort)
        return .json(ListJSON(data: contacts.map(ContactJSON.init)))
    }

    /// `?searchStr=…&from=&limit=`: contacts whose first name, last name or email starts with the text.
    private func search(_ request: AgentRequest) throws -> HTTPResponse {
        let text = try RecordRequest.searchString(request.http.query)
        let page = try QueryReader(query: request.http.query).page()
        let contacts = try request.store.searchContacts(in: request.orgID, query: text, page: page)
        return .json(ListJSON(data: contacts.map(ContactJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        guard let contact = try request.store.contact(id, in: request.orgID) else { throw StoreError.notFound }
        return Self.single(contact)
    }

    /// Zoho Desk answers a create with 200 and the record.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        let draft = try ContactInput.draft(from: request.http)
        let contact = try CustomFieldErrors.naming {
            try request.store.write(request.actor) { tx in try tx.createContact(draft) }
        }
        return Self.single(contact)
    }

    /// `If-Match: "<version>"` (or `*`) makes the update conditional: 412 when the contact changed since.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        let changes = try ContactInput.changes(from: request.http)
        let contact = try CustomFieldErrors.naming {
            try request.store.write(request.actor) { tx in
                try tx.updateContact(id, changes: changes, expectedVersion: expected)
            }
        }
        return Self.single(contact)
    }

    /// `{"contactIds":["…"]}` → 204 No Content, like tickets; all or nothing.
    private func moveToTrash(_ request: AgentRequest) throws -> HTTPResponse {
        let unique = try RecordRequest.idList(request.http, key: "contactIds", maxCount: Self.maxTrashBatch)
        try request.store.write(request.actor) { tx in try tx.moveToTrash(contacts: unique) }
        return .empty()
    }

    static func single(_ contact: Contact) -> HTTPResponse {
        RecordRequest.single(ContactJSON(contact: contact), version: contact.version)
    }
}
