import DeskCore
import DeskHTTP

/// Reads the bodies of the field permission PATCHes strictly (422 `INVALID_DATA` naming every bad member
/// as a JSON Pointer).
enum FieldPermissionInput {
    /// The most entries one PATCH takes.
    static let maxEntries = 200
    static let accesses = FieldAccess.allCases.map(\.rawValue)

    /// `{"permissions":[{"profileId":"2","access":"hidden"},…]}` → access by profile id, in body order.
    static func profiles(from request: HTTPRequest) throws -> [(profile: Int64, access: FieldAccess)] {
        let body = try JSONBody(request, allowed: ["permissions"])
        var result: [(profile: Int64, access: FieldAccess)] = []
        switch body.fields["permissions"] {
        case nil:
            body.fail("permissions", "missing", "The field is required.")
        case .array(let items)? where !items.isEmpty && items.count <= maxEntries:
            var seen: Set<Int64> = []
            for (index, item) in items.enumerated() {
                let at = "/permissions/\(index)"
                guard case .object(let entry) = item else {
                    body.errors.append(FieldError(fieldName: at, errorType: "invalid", errorMessage: "Expected an object."))
                    continue
                }
                for key in entry.keys.sorted() where key != "profileId" && key != "access" {
                    body.errors.append(FieldError(fieldName: at + JSONBody.pointer(key), errorType: "invalid",
                                                  errorMessage: "The field is not allowed here."))
                }
                let profile = Self.id(entry["profileId"])
                if profile == nil {
                    body.errors.append(FieldError(fieldName: at + "/profileId", errorType: "invalid",
                                                  errorMessage: "Expected a profile id string."))
                } else if !seen.insert(profile!).inserted {
                    body.errors.append(FieldError(fieldName: at + "/profileId", errorType: "invalid",
                                                  errorMessage: "The profile is listed twice."))
                }
                let access = Self.access(entry["access"])
                if access == nil {
                    body.errors.append(FieldError(fieldName: at + "/access", errorType: "invalid",
                                                  errorMessage: "Expected one of: \(accesses.joined(separator: ", "))."))
                }
                if let profile, let access { result.append((profile, access)) }
            }
        default:
            body.fail("permissions", "invalid", "Expected a list of 1 to \(maxEntries) {profileId, access} objects.")
        }
        try body.finish()
        return result
    }

    /// `{"fields":{"email":"hidden","cf_x":"readOnly"}}` → access by field api name.
    static func fields(from request: HTTPRequest) throws -> [String: FieldAccess] {
        let body = try JSONBody(request, allowed: ["fields"])
        var result: [String: FieldAccess] = [:]
        switch body.fields["fields"] {
        case nil:
            body.fail("fields", "missing", "The field is required.")
        case .object(let entries)? where !entries.isEmpty && entries.count <= maxEntries:
            for name in entries.keys.sorted() {
                if let access = Self.access(entries[name]) {
                    result[name] = access
                } else {
                    body.errors.append(FieldError(fieldName: "/fields" + JSONBody.pointer(name), errorType: "invalid",
                                                  errorMessage: "Expected one of: \(accesses.joined(separator: ", "))."))
                }
            }
        default:
            body.fail("fields", "invalid", "Expected an object of 1 to \(maxEntries) field api names → access.")
        }
        try body.finish()
        return result
    }

    private static func access(_ value: JSONValue?) -> FieldAccess? {
        guard case .string(let text)? = value else { return nil }
        return FieldAccess(rawValue: text)
    }

    private static func id(_ value: JSONValue?) -> Int64? {
        guard case .string(let text)? = value, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
