import DeskCore
import DeskHTTP

/// `/api/v1/profiles…` (list, get, edit a custom profile, clone, delete a custom profile) and
/// `/api/v1/myProfilePermissions` (the caller's own profile).
struct ProfileRoutes: Sendable {
    let auth: APIAuthenticator

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/profiles", auth.protect(list))
        router.get("/api/v1/profiles/{id}", auth.protect(get))
        router.patch("/api/v1/profiles/{id}", auth.protect(AccessAdminRoutes.refusing(update)))
        router.delete("/api/v1/profiles/{id}", auth.protect(AccessAdminRoutes.refusing(delete)))
        router.post("/api/v1/profiles/{id}/clone", auth.protect(clone))
        router.get("/api/v1/myProfilePermissions", auth.protect(mine))
    }

    /// `{"data":[…]}`: the built-in profiles, then the org's custom ones.
    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        .json(ListJSON(data: try request.store.profiles(in: request.orgID).map(ProfileJSON.init)))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, find: { store, id, org in try store.profile(id, in: org) },
                               answer: ProfileJSON.single)
    }

    /// Built-in profiles → 422 `UNPROCESSABLE_ENTITY`; `If-Match` makes the update conditional.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.update(request, read: ProfileInput.changes(from:),
                                  write: { tx, id, changes, expected in
                                      try tx.updateProfile(id, changes: changes, expectedVersion: expected)
                                  }, answer: ProfileJSON.single)
    }

    /// 204 No Content; 422 for a built-in profile or one assigned to agents.
    private func delete(_ request: AgentRequest) throws -> HTTPResponse {
        let id = try RecordRequest.id(request.http)
        try request.store.write(request.actor) { tx in try tx.deleteProfile(id) }
        return .empty()
    }

    /// `{"name","description"?}` → 200 with the new custom profile.
    private func clone(_ request: AgentRequest) throws -> HTTPResponse {
        let source = try RecordRequest.id(request.http)
        let body = try ProfileInput.clone(from: request.http)
        let profile = try request.store.write(request.actor) { tx in
            try tx.cloneProfile(source, name: body.name, description: body.description)
        }
        return ProfileJSON.single(profile)
    }

    private func mine(_ request: AgentRequest) throws -> HTTPResponse {
        guard let profile = try request.store.profile(request.actor.access.profileID, in: request.orgID) else {
            throw StoreError.notFound
        }
        return ProfileJSON.single(profile)
    }
}
