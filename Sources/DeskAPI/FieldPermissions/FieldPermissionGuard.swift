import DeskCore
import DeskHTTP

/// The request-level side of field permissions, run by the auth step for every `/api/v1` call of an
/// agent whose profile has field settings (administrators and unrestricted agents skip it entirely):
///
/// - a create or update of a ticket, contact or account whose body names a `readOnly` or `hidden` field
///   (top-level or in `cf`) → 403 `FIELD_PERMISSION_DENIED`, every such field named as a JSON Pointer
///   with `errorType` `readOnly` or `hidden`; the handler does not run, so nothing is written;
/// - a list, count or search that filters, sorts or searches on a hidden field → 403
///   `FIELD_PERMISSION_DENIED` naming the query parameter (`/status`, `/sortBy`, `/_all`, `/searchStr`);
/// - otherwise the handler runs with ``FieldMask/current`` set, so hidden fields are left out of what it
///   renders.
///
/// A field given in a create body is refused even when it equals the default; a `readOnly` field that is
/// not given still gets its default.
enum FieldPermissionGuard {
    /// Checks `request` against `access`, then runs `handler` with the agent's ``FieldMask``.
    static func run(_ access: AgentAccess, _ request: HTTPRequest,
                    _ handler: () throws -> HTTPResponse) throws -> HTTPResponse {
        guard !access.isAdministrator, !access.fields.isEmpty else { return try handler() }
        try check(access, request)
        let mask = FieldMask(access: access)
        do {
            guard !mask.isEmpty else { return try handler() }
            return try FieldMask.$current.withValue(mask, operation: handler)
        } catch let denied as FieldPermissionDenied {
            // The write path's own check (custom fields) refused what this table let through.
            throw refusal(denied.refusals.map { item in
                FieldError(fieldName: (item.field.hasPrefix("cf_") ? "/cf" : "") + JSONBody.pointer(item.field),
                           errorType: item.access.rawValue, errorMessage: message(item.access))
            })
        }
    }

    private static func refusal(_ errors: [FieldError]) -> HTTPError {
        HTTPError(status: .forbidden, errorCode: "FIELD_PERMISSION_DENIED",
                  message: "Your profile does not permit this use of the named fields.", fieldErrors: errors)
    }

    private static func message(_ access: FieldAccess) -> String {
        access == .hidden ? "The field is hidden by your profile." : "The field is read-only for your profile."
    }

    /// Refuses the request when it writes, filters, sorts or searches on a field `access` may not.
    static func check(_ access: AgentAccess, _ request: HTTPRequest) throws {
        guard let pattern = request.routePattern, let target = FieldPermissionRoutes.target(method: request.method,
                                                                                             pattern: pattern) else {
            return
        }
        var errors: [FieldError] = []
        switch target {
        case .write(let module):
            errors = writeErrors(request.body, module: module, access: access)
        case .read(let module, let parameters):
            for (parameter, fields) in parameters.fields(in: request.query) {
                let hidden = FieldPermissionCheck.hidden(fields, module: module, access: access)
                guard let field = hidden.first else { continue }
                errors.append(FieldError(fieldName: "/" + parameter, errorType: FieldAccess.hidden.rawValue,
                                         errorMessage: "The field \(field) is hidden by your profile."))
            }
        }
        guard !errors.isEmpty else { return }
        throw refusal(errors)
    }

    /// The refusals of a create or update body (a body that is not a JSON object is left to the handler).
    private static func writeErrors(_ body: [UInt8], module: AccessModule, access: AgentAccess) -> [FieldError] {
        guard case .object(let fields)? = try? JSONValueParser.parse(body) else { return [] }
        var touched: [(field: String, pointer: String)] = []
        for key in fields.keys.sorted() where key != "cf" {
            touched.append((key, JSONBody.pointer(key)))
        }
        if case .object(let cf)? = fields["cf"] {
            for key in cf.keys.sorted() {
                touched.append((key, "/cf" + JSONBody.pointer(key)))
            }
        }
        let refusals = FieldPermissionCheck.unwritable(touched.map(\.field), module: module, access: access)
        let pointers = Dictionary(touched.map { ($0.field, $0.pointer) }, uniquingKeysWith: { first, _ in first })
        return refusals.map { item in
            FieldError(fieldName: pointers[item.field] ?? JSONBody.pointer(item.field),
                       errorType: item.access.rawValue, errorMessage: message(item.access))
        }
    }
}
