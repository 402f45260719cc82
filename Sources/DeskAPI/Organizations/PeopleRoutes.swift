import DeskHTTP

/// The routes of an org's people and settings: agents, `/myinfo`, departments and organizations.
struct PeopleRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        AgentRoutes(auth: auth).register(on: router)
        MyInfoRoutes(auth: auth).register(on: router)
        DepartmentRoutes(auth: auth).register(on: router)
        OrganizationRoutes(auth: auth).register(on: router)
    }
}
