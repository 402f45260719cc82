import DeskCore
import DeskHTTP

/// The admin API of field-level permissions (settings; every change audited as `fieldPermission`):
///
/// - `GET /api/v1/organizationFields/{fieldId}/permissions` → `{"data":[{"profileId","profileName","access"}]}`
///   for every profile (built-in and custom) and one custom field; `PATCH` with
///   `{"permissions":[{"profileId":"2","access":"hidden"}]}` sets them and answers the same list.
/// - `GET /api/v1/organizationFields/permissions?module=tickets|contacts|accounts&profileId=N` →
///   `{"data":[{"apiName","isCustomField","access"}]}` for every standard and custom field of the module;
///   `PATCH` (same query) with `{"fields":{"email":"hidden","cf_x":"readOnly"}}` sets them and answers the
///   same list.
///
/// Access is `readWrite` (no setting), `readOnly` or `hidden`. The Administrator profile (1) cannot be
/// restricted (422); an unknown profile, field or module is 422 naming it. All or nothing.
struct FieldPermissionAdminRoutes: Sendable {
    let auth: APIAuthenticator

    static let modules = FieldPermissionFields.modules.map(\.rawValue)

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/organizationFields/permissions", auth.protect(moduleList))
        router.patch("/api/v1/organizationFields/permissions", auth.protect(moduleUpdate))
        router.get("/api/v1/organizationFields/{id}/permissions", auth.protect(fieldList))
        router.patch("/api/v1/organizationFields/{id}/permissions", auth.protect(fieldUpdate))
    }

    // MARK: one custom field, every profile

    private func fieldList(_ request: AgentRequest) throws -> HTTPResponse {
        let (module, field) = try customField(request)
        return .json(ListJSON(data: try profileList(request, module: module, field: field)))
    }

    private func fieldUpdate(_ request: AgentRequest) throws -> HTTPResponse {
        let (module, field) = try customField(request)
        let entries = try FieldPermissionInput.profiles(from: request.http)
        try request.store.write(request.actor) { tx in
            for (index, entry) in entries.enumerated() {
                do {
                    try tx.setFieldPermissions(module: module, profile: entry.profile, access: [field: entry.access])
                } catch let error as FieldPermissionError {
                    throw Self.refusal(error, profilePointer: "/permissions/\(index)/profileId", fieldPointer: { _ in "" })
                }
            }
        }
        return .json(ListJSON(data: try profileList(request, module: module, field: field)))
    }

    /// The module and api name of the path's custom field (404 when it does not exist).
    private func customField(_ request: AgentRequest) throws -> (AccessModule, String) {
        let id = try RecordRequest.id(request.http)
        guard let field = try request.store.customField(id, in: request.orgID),
              let module = AccessModule(rawValue: field.module.rawValue) else { throw StoreError.notFound }
        return (module, field.apiName)
    }

    private func profileList(_ request: AgentRequest, module: AccessModule, field: String) throws -> [ProfileFieldAccessJSON] {
        let settings = try request.store.fieldPermissions(in: request.orgID, module: module, field: field)
        return try request.store.fieldPermissionProfiles(in: request.orgID).map { profile in
            ProfileFieldAccessJSON(profileId: String(profile.id), profileName: profile.name,
                                   access: (settings[profile.id] ?? .readWrite).rawValue)
        }
    }

    // MARK: one profile, every field of a module

    private func moduleList(_ request: AgentRequest) throws -> HTTPResponse {
        let (module, profile) = try moduleQuery(request)
        return .json(ListJSON(data: try fieldList(request, module: module, profile: profile)))
    }

    private func moduleUpdate(_ request: AgentRequest) throws -> HTTPResponse {
        let (module, profile) = try moduleQuery(request)
        let access = try FieldPermissionInput.fields(from: request.http)
        try request.store.write(request.actor) { tx in
            do {
                try tx.setFieldPermissions(module: module, profile: profile, access: access)
            } catch let error as FieldPermissionError {
                throw Self.refusal(error, profilePointer: "profileId", fieldPointer: { "/fields" + JSONBody.pointer($0) })
            }
        }
        return .json(ListJSON(data: try fieldList(request, module: module, profile: profile)))
    }

    /// `module` and `profileId` (both required; an unknown profile is 422 naming `profileId`).
    private func moduleQuery(_ request: AgentRequest) throws -> (AccessModule, Int64) {
        let reader = QueryReader(query: request.http.query)
        guard let module = try reader.enumValue("module", AccessModule.self, allowed: Self.modules) else {
            throw QueryReader.invalid("module", "Expected one of: \(Self.modules.joined(separator: ", ")).")
        }
        guard let profile = try reader.id("profileId") else {
            throw QueryReader.invalid("profileId", "Expected a profile id.")
        }
        guard try request.store.fieldPermissionProfiles(in: request.orgID).contains(where: { $0.id == profile }) else {
            throw QueryReader.invalid("profileId", "No such profile in this organization.")
        }
        return (module, profile)
    }

    private func fieldList(_ request: AgentRequest, module: AccessModule, profile: Int64) throws -> [FieldAccessJSON] {
        let settings = try request.store.fieldPermissions(in: request.orgID, module: module, profile: profile)
        let standard = FieldPermissionFields.standard(module).map { name in
            FieldAccessJSON(apiName: name, isCustomField: false, access: (settings[name] ?? .readWrite).rawValue)
        }
        guard let cfModule = FieldPermissionFields.customFieldModule(module) else { return standard }
        let custom = try request.store.customFieldNames(in: request.orgID, module: cfModule).map { name in
            FieldAccessJSON(apiName: name, isCustomField: true, access: (settings[name] ?? .readWrite).rawValue)
        }
        return standard + custom
    }

    /// 422 naming what the store refused.
    private static func refusal(_ error: FieldPermissionError, profilePointer: String,
                                fieldPointer: (String) -> String) -> HTTPError {
        let (name, message): (String, String)
        switch error {
        case .administratorProfile:
            (name, message) = (profilePointer, "The Administrator profile cannot be restricted.")
        case .unknownProfile:
            (name, message) = (profilePointer, "No such profile in this organization.")
        case .unknownField(let field):
            (name, message) = (fieldPointer(field), "Not a field of this module.")
        }
        return HTTPError.invalidData(fieldErrors: [FieldError(fieldName: name, errorType: "invalid", errorMessage: message)])
    }
}
