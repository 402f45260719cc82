import DeskCore
import DeskHTTP

/// Reads `POST` and `PATCH /api/v1/organizationFields` bodies strictly (unknown fields, wrong types, bad
/// enums, lengths → 422 naming the field). The module, api name and type are set once, at create.
enum CustomFieldDefinitionInput {
    static let createFields: Set<String> = ["module", "displayLabel", "apiName", "type", "allowedValues", "maxLength",
                                            "isMandatory", "isPersonalData"]
    static let updateFields: Set<String> = ["displayLabel", "allowedValues", "maxLength", "isMandatory", "isPersonalData"]
    static let modules = CustomFieldModule.allCases.map(\.rawValue)
    static let types = CustomFieldType.allCases.map(\.rawValue)

    static func draft(from request: HTTPRequest) throws -> CustomFieldDraft {
        let body = try JSONBody(request, allowed: createFields)
        let extra = Extra(request, body)
        let module = body.enumValue("module", CustomFieldModule.self, allowed: modules)
        let label = body.string("displayLabel", minLength: 1, maxLength: 100)
        let apiName = body.string("apiName", minLength: 1, maxLength: 64)
        let type = body.enumValue("type", CustomFieldType.self, allowed: types)
        let mandatory = body.bool("isMandatory")
        let personal = body.bool("isPersonalData")
        for key in ["module", "displayLabel", "type"] where !body.has(key) {
            body.fail(key, "missing", "The field is required.")
        }
        if case .some(.none) = module { body.fail("module", "invalid", "The module must not be null.") }
        if case .some(.none) = label { body.fail("displayLabel", "invalid", "The displayLabel must not be null.") }
        if case .some(.none) = type { body.fail("type", "invalid", "The type must not be null.") }
        try body.finish()
        return CustomFieldDraft(module: (module ?? nil) ?? .tickets, displayLabel: (label ?? nil) ?? "",
                                apiName: apiName ?? nil, type: (type ?? nil) ?? .text,
                                allowedValues: extra.allowedValues ?? nil, maxLength: extra.maxLength ?? nil,
                                isMandatory: mandatory ?? false, isPersonal: personal ?? false)
    }

    static func changes(from request: HTTPRequest) throws -> CustomFieldChanges {
        let body = try JSONBody(request, allowed: updateFields)
        let extra = Extra(request, body)
        let label = body.string("displayLabel", minLength: 1, maxLength: 100)
        if case .some(.none) = label { body.fail("displayLabel", "invalid", "The displayLabel must not be null.") }
        if case .some(.none) = extra.allowedValues { body.fail("allowedValues", "invalid", "The allowedValues must not be null.") }
        let mandatory = body.bool("isMandatory")
        let personal = body.bool("isPersonalData")
        try body.finish()
        return CustomFieldChanges(displayLabel: label ?? nil, allowedValues: extra.allowedValues ?? nil,
                                  maxLength: extra.maxLength, isMandatory: mandatory, isPersonal: personal)
    }

    /// `allowedValues` (an array of strings) and `maxLength` (an integer), which JSONBody has no getters
    /// for: read from the body again, problems recorded on `body`.
    private struct Extra {
        var allowedValues: [String]??
        var maxLength: Int??

        init(_ request: HTTPRequest, _ body: JSONBody) {
            guard body.has("allowedValues") || body.has("maxLength"),
                  let fields = try? request.decodeJSON([String: JSONValue].self) else { return }
            switch fields["allowedValues"] {
            case nil: break
            case .null?: allowedValues = .some(nil)
            case .array(let items)?:
                let texts = items.compactMap { item -> String? in
                    if case .string(let text) = item { return text }
                    return nil
                }
                if texts.count == items.count { allowedValues = .some(texts) }
                else { body.fail("allowedValues", "invalid", "Expected an array of strings.") }
            default: body.fail("allowedValues", "invalid", "Expected an array of strings.")
            }
            switch fields["maxLength"] {
            case nil: break
            case .null?: maxLength = .some(nil)
            case .number(let number)? where number == number.rounded() && abs(number) < 1e9:
                maxLength = .some(Int(number))
            default: body.fail("maxLength", "invalid", "Expected an integer.")
            }
        }
    }
}
