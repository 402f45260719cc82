import DeskCore
import DeskHTTP

/// The admin API of the access model: profiles, roles, data sharing, sharing rules and
/// `/myProfilePermissions`. Reads are open to every agent; writes need the `settings.edit` right
/// (``APIPermissionMap``) and the `Desk.settings` scope (``APIScopeMap``).
struct AccessAdminRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        ProfileRoutes(auth: auth).register(on: router)
        RoleRoutes(auth: auth).register(on: router)
        DataSharingRoutes(auth: auth).register(on: router)
        SharingRuleRoutes(auth: auth).register(on: router)
    }

    /// `handler` with ``AccessSettingRefusal`` answered as 422 `UNPROCESSABLE_ENTITY` and its message.
    static func refusing(_ handler: @escaping @Sendable (AgentRequest) throws -> HTTPResponse)
        -> @Sendable (AgentRequest) throws -> HTTPResponse {
        return { request in
            do {
                return try handler(request)
            } catch let refusal as AccessSettingRefusal {
                throw HTTPError(status: .unprocessableEntity, errorCode: "UNPROCESSABLE_ENTITY", message: refusal.message)
            }
        }
    }
}
