import DeskCore
import DeskHTTP

/// `/api/v1/dataSharingRules`: the org's data sharing per shared module (tickets, contacts, accounts).
struct DataSharingRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/dataSharingRules", auth.protect(list))
        router.patch("/api/v1/dataSharingRules", auth.protect(update))
    }

    /// One module's setting.
    struct SettingJSON: Encodable {
        let module: String
        let access: String
    }

    /// `{"data":[{"module":"tickets","access":"private"},…]}`.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        .json(ListJSON(data: try request.store.dataSharing(in: request.orgID).map {
            SettingJSON(module: $0.module.rawValue, access: $0.access.rawValue)
        }))
    }

    /// `{"tickets":"department",…}` (any of the three modules) → 200 with every module's setting.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        let body = try JSONBody(request.http, allowed: Set(AccessModule.shared.map(\.rawValue)))
        let allowed = DataSharing.allCases.map(\.rawValue)
        var settings: [AccessModule: DataSharing] = [:]
        for module in AccessModule.shared {
            let value = body.enumValue(module.rawValue, DataSharing.self, allowed: allowed)
            if case .some(.none) = value { body.fail(module.rawValue, "invalid", "Expected one of: \(allowed.joined(separator: ", ")).") }
            if case .some(.some(let access)) = value { settings[module] = access }
        }
        try body.finish()
        try request.store.write(request.actor) { tx in try tx.setDataSharing(settings) }
        return try list(request)
    }
}
