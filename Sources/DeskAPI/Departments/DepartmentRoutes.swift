import DeskCore
import DeskHTTP

/// `/api/v1/departments…`: list, get, create, update, enable, disable, and the agents of a department.
/// Every handler gets an authenticated `AgentRequest`; writes go through its `Store` (the one write path).
///
/// Permissions: managing departments is an administrator's right in the coming profiles/roles work; its
/// check goes at the top of every mutating handler here, before the body is read.
struct DepartmentRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/departments", auth.protect(list))
        router.post("/api/v1/departments", auth.protect(create))
        router.get("/api/v1/departments/{id}", auth.protect(get))
        router.patch("/api/v1/departments/{id}", auth.protect(update))
        router.post("/api/v1/departments/{id}/enable", auth.protect { try setEnabled($0, true) })
        router.post("/api/v1/departments/{id}/disable", auth.protect { try setEnabled($0, false) })
        router.get("/api/v1/departments/{id}/agents", auth.protect(agents))
        router.post("/api/v1/departments/{id}/associateAgents", auth.protect { try associate($0, true) })
        router.post("/api/v1/departments/{id}/dissociateAgents", auth.protect { try associate($0, false) })
    }

    /// `?from=&limit=&isEnabled=true|false` → `{"data":[…]}`, oldest first.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let page = try QueryReader(query: request.http.query).page()
        var isEnabled: Bool?
        if let text = request.http.query["isEnabled"] {
            guard text == "true" || text == "false" else {
                throw QueryReader.invalid("isEnabled", "Expected true or false.")
            }
            isEnabled = text == "true"
        }
        let departments = try request.store.departments(in: request.orgID, isEnabled: isEnabled, page: page)
        return .json(ListJSON(data: departments.map(DepartmentJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, find: { store, id, org in try store.department(id, in: org) },
                               answer: Self.single)
    }

    /// Zoho Desk answers a create with 200 and the record.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.create(request, read: DepartmentInput.draft(from:),
                                  write: { tx, draft in try tx.createDepartment(draft) }, answer: Self.single)
    }

    /// `If-Match: "<version>"` (or `*`) makes the update conditional: 412 when the department changed since.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.update(request, read: DepartmentInput.changes(from:),
                                  write: { tx, id, changes, expected in
                                      try tx.updateDepartment(id, changes: changes, expectedVersion: expected)
                                  }, answer: Self.single)
    }

    /// 204 No Content; enabling an enabled (or disabling a disabled) department changes nothing.
    private func setEnabled(_ request: AgentRequest, _ enabled: Bool) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        _ = try request.store.write(request.actor) { tx in try tx.setDepartmentEnabled(id, enabled) }
        return .empty()
    }

    /// `?from=&limit=` → the department's agents, `{"data":[…]}`.
    private func agents(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let page = try QueryReader(query: request.http.query).page()
        let agents = try request.store.agents(inDepartment: id, org: request.orgID, page: page)
        return .json(try AgentJSON.list(agents, store: request.store, org: request.orgID))
    }

    /// `{"agentIds":["…"]}` → 204 No Content; all or nothing.
    private func associate(_ request: AgentRequest, _ add: Bool) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        let agents = try RecordRequest.idList(request.http, key: "agentIds", maxCount: DepartmentInput.maxAgents)
        try request.store.write(request.actor) { tx in
            if add {
                try tx.associateAgents(agents, withDepartment: id)
            } else {
                try tx.dissociateAgents(agents, fromDepartment: id)
            }
        }
        return .empty()
    }

    static func single(_ department: Department) -> HTTPResponse {
        RecordRequest.single(DepartmentJSON(department: department), version: department.version)
    }
}
