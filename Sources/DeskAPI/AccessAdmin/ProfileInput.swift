import DeskCore
import DeskHTTP

/// Reads profile bodies strictly (422 `INVALID_DATA` naming every problem as a JSON Pointer, nested ones
/// such as `/permissions/modules/tickets/view` included).
enum ProfileInput {
    /// The body of `POST /api/v1/profiles/{id}/clone`: `name` required, `description` optional.
    static func clone(from request: HTTPRequest) throws -> (name: String, description: String?) {
        let body = try JSONBody(request, allowed: ["name", "description"])
        if !body.has("name") { body.fail("name", "missing", "The field is required.") }
        let name = readName(body)
        let description = body.string("description", maxLength: Profile.maxDescription)
        try body.finish()
        return (name ?? "", description ?? nil)
    }

    /// The changes of `PATCH /api/v1/profiles/{id}`: absent fields stay, `null` clears the description; in
    /// `permissions` only the named rights change.
    static func changes(from request: HTTPRequest) throws -> ProfileChanges {
        let body = try JSONBody(request, allowed: ["name", "description", "permissions"])
        let name = readName(body)
        let description = body.string("description", maxLength: Profile.maxDescription)
        let permissions = body.fields["permissions"].map { permissionChanges($0, body: body) }
        try body.finish()
        return ProfileChanges(name: name, description: description, permissions: permissions)
    }

    private static func readName(_ body: JSONBody) -> String? {
        let name = body.string("name", minLength: 1, maxLength: Profile.maxName)
        if case .some(.none) = name { body.fail("name", "invalid", "The name must not be null.") }
        return name ?? nil
    }

    /// `{"modules":{"<module>":{"<action>":bool}},"privacy":{"<operation>":bool}}`, both parts optional.
    private static func permissionChanges(_ value: JSONValue, body: JSONBody) -> ProfilePermissionChanges {
        var changes = ProfilePermissionChanges()
        guard let parts = object(value, at: "/permissions", body: body) else { return changes }
        for key in parts.keys.sorted() where key != "modules" && key != "privacy" {
            reject("/permissions/" + escape(key), "The field is not allowed here; expected modules or privacy.", body)
        }
        if let modules = parts["modules"].flatMap({ object($0, at: "/permissions/modules", body: body) }) {
            for name in modules.keys.sorted() {
                let pointer = "/permissions/modules/" + escape(name)
                guard let module = AccessModule(rawValue: name) else {
                    reject(pointer, "Unknown module; expected one of: \(names(AccessModule.self)).", body)
                    continue
                }
                changes.modules[module] = flags(modules[name]!, at: pointer, names: AccessAction.self, body: body)
            }
        }
        if let privacy = parts["privacy"] {
            changes.privacy = flags(privacy, at: "/permissions/privacy", names: PrivacyAction.self, body: body)
        }
        return changes
    }

    /// An object of `"<name>": true|false` whose names are `T`'s raw values.
    private static func flags<T: RawRepresentable & CaseIterable & Hashable>(
        _ value: JSONValue, at pointer: String, names: T.Type, body: JSONBody
    ) -> [T: Bool] where T.RawValue == String {
        var result: [T: Bool] = [:]
        guard let fields = object(value, at: pointer, body: body) else { return result }
        for name in fields.keys.sorted() {
            let path = pointer + "/" + escape(name)
            guard let key = T(rawValue: name) else {
                reject(path, "Unknown name; expected one of: \(self.names(T.self)).", body)
                continue
            }
            guard case .bool(let flag) = fields[name]! else {
                reject(path, "Expected true or false.", body)
                continue
            }
            result[key] = flag
        }
        return result
    }

    private static func object(_ value: JSONValue, at pointer: String, body: JSONBody) -> [String: JSONValue]? {
        guard case .object(let fields) = value else {
            reject(pointer, "Expected an object.", body)
            return nil
        }
        return fields
    }

    private static func reject(_ pointer: String, _ message: String, _ body: JSONBody) {
        body.errors.append(FieldError(fieldName: pointer, errorType: "invalid", errorMessage: message))
    }

    private static func names<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// RFC 6901 escaping of one reference token.
    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
