import DeskCore
import DeskHTTP

/// `/api/v1/organizationFields…`: the custom field definitions of tickets, contacts and accounts — list by
/// module, get, create, update (label, allowed values, max length, flags) and delete. Every change goes
/// through the store's one write path and is audited (record type `customField`).
///
/// Deleting a field removes it for good together with its value in every record of the module (each
/// record's change audited as `cf.<api name>` old → null), so a later field with the same api name starts
/// empty.
struct CustomFieldRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/organizationFields", auth.protect(list))
        router.post("/api/v1/organizationFields", auth.protect(create))
        router.get("/api/v1/organizationFields/{id}", auth.protect(get))
        router.patch("/api/v1/organizationFields/{id}", auth.protect(update))
        router.delete("/api/v1/organizationFields/{id}", auth.protect(delete))
    }

    /// `?module=tickets|contacts|accounts` (required) → `{"data":[…]}` by api name.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let reader = QueryReader(query: request.http.query)
        guard let module = try reader.enumValue("module", CustomFieldModule.self,
                                                allowed: CustomFieldDefinitionInput.modules) else {
            throw QueryReader.invalid("module", "Expected one of: \(CustomFieldDefinitionInput.modules.joined(separator: ", ")).")
        }
        let fields = try request.store.customFields(in: request.orgID, module: module)
        return .json(ListJSON(data: fields.map(CustomFieldDefinitionJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, find: { store, id, org in try store.customField(id, in: org) },
                               answer: Self.single)
    }

    /// 200 and the definition, as record creates answer.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.create(request, read: CustomFieldDefinitionInput.draft(from:),
                                  write: { tx, draft in try tx.createCustomField(draft) }, answer: Self.single)
    }

    /// `If-Match: "<version>"` makes the update conditional (412 when the definition changed since).
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.update(request, read: CustomFieldDefinitionInput.changes(from:),
                                  write: { tx, id, changes, expected in
                                      try tx.updateCustomField(id, changes: changes, expectedVersion: expected)
                                  }, answer: Self.single)
    }

    /// 204 No Content; `If-Match` as for updates.
    private func delete(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let expected = try RecordRequest.expectedVersion(request.http.headers["If-Match"])
        try request.store.write(request.actor) { tx in try tx.deleteCustomField(id, expectedVersion: expected) }
        return .empty()
    }

    static func single(_ field: CustomFieldDefinition) -> HTTPResponse {
        RecordRequest.single(CustomFieldDefinitionJSON(field: field), version: field.version)
    }
}
