import DeskCore
import DeskHTTP

/// Reads the `cf` member of a record body (tickets, contacts, accounts): an object of api name → value
/// (at most ``maxEntries``). Types are checked later, against the org's definitions, by DeskCore.
enum CustomFieldBody {
    static let maxEntries = 100

    /// The `cf` values of the request, or `[:]` when the body has none; a `cf` that is not an object is
    /// recorded on `body` as invalid.
    static func read(_ request: HTTPRequest, _ body: JSONBody) -> [String: CustomFieldInput] {
        guard body.has("cf") else { return [:] }
        // JSONBody keeps its fields to itself; `cf` is rare, so its object is read again here.
        guard let fields = try? request.decodeJSON([String: JSONValue].self), case .object(let object)? = fields["cf"],
              object.count <= maxEntries else {
            body.fail("cf", "invalid", "Expected an object of at most \(maxEntries) custom field values by api name.")
            return [:]
        }
        return object.mapValues(input)
    }

    private static func input(_ value: JSONValue) -> CustomFieldInput {
        switch value {
        case .null: .null
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        case .bool(let flag): .bool(flag)
        case .array(let items):
            .list(items.map { item -> String? in
                if case .string(let text) = item { return text }
                return nil
            })
        case .object: .other
        }
    }
}
