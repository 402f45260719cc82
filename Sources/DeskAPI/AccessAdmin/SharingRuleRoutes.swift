import DeskCore
import DeskHTTP

/// `/api/v1/sharingRules…`: list (`?module=`), create, delete.
struct SharingRuleRoutes: Sendable {
    let auth: APIAuthenticator

    /// The modules sharing rules apply to, as the API names them.
    private static let modules = AccessModule.shared.map(\.rawValue)

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/sharingRules", auth.protect(list))
        router.post("/api/v1/sharingRules", auth.protect(create))
        router.delete("/api/v1/sharingRules/{id}", auth.protect(delete))
    }

    /// `?module=tickets|contacts|accounts` (optional) → `{"data":[…]}`, oldest first.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let module = try QueryReader(query: request.http.query).enumValue("module", AccessModule.self, allowed: Self.modules)
        if let module, !AccessModule.shared.contains(module) {
            throw QueryReader.invalid("module", "Expected one of: \(Self.modules.joined(separator: ", ")).")
        }
        let rules = try request.store.sharingRules(in: request.orgID, module: module)
        return .json(ListJSON(data: rules.map(SharingRuleJSON.init)))
    }

    /// `{"module","fromRoleId","toRoleId","access"}` (all required) → 200 with the rule.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        let body = try JSONBody(request.http, allowed: ["module", "fromRoleId", "toRoleId", "access"])
        for field in ["module", "fromRoleId", "toRoleId", "access"] {
            if !body.has(field) { body.fail(field, "missing", "The field is required.") }
            if body.fields[field] == .null { body.fail(field, "invalid", "The \(field) must not be null.") }
        }
        var module = body.enumValue("module", AccessModule.self, allowed: Self.modules) ?? nil
        if let chosen = module, !AccessModule.shared.contains(chosen) {
            body.fail("module", "invalid", "Expected one of: \(Self.modules.joined(separator: ", ")).")
            module = nil
        }
        let access = body.enumValue("access", SharingRuleAccess.self,
                                    allowed: SharingRuleAccess.allCases.map(\.rawValue)) ?? nil
        let from = body.id("fromRoleId") ?? nil
        let to = body.id("toRoleId") ?? nil
        try body.finish()
        guard let module, let access, let from, let to else { throw HTTPError.invalidData() }
        let draft = SharingRuleDraft(module: module, fromRoleID: from, toRoleID: to, access: access)
        let rule = try request.store.write(request.actor) { tx in try tx.createSharingRule(draft) }
        return RecordRequest.single(SharingRuleJSON(rule: rule), version: rule.version)
    }

    /// 204 No Content.
    private func delete(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        try request.store.write(request.actor) { tx in try tx.deleteSharingRule(id) }
        return .empty()
    }
}
