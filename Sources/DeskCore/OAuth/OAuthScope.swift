/// A Zoho Desk OAuth scope, `Desk.<resource>.<operation>` (e.g. `Desk.tickets.ALL`,
/// `Desk.contacts.READ`). `ALL` of a resource covers every operation of that resource; `WRITE` covers
/// `CREATE`, `UPDATE` and `DELETE`.
public struct OAuthScope: Sendable, Hashable, CustomStringConvertible {
    public static let operations: Set<String> = ["ALL", "READ", "WRITE", "CREATE", "UPDATE", "DELETE"]

    public let resource: String
    public let operation: String

    /// Parses `Desk.<resource>.<operation>`: resource 1…64 ASCII letters, operation one of
    /// ``operations`` (case-sensitive, as Zoho's). Nil otherwise.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "Desk", (1...64).contains(parts[1].utf8.count),
              parts[1].utf8.allSatisfy({ (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0) }),
              Self.operations.contains(String(parts[2])) else { return nil }
        resource = String(parts[1])
        operation = String(parts[2])
    }

    public var description: String { "Desk.\(resource).\(operation)" }

    /// The operations `WRITE` stands for.
    public static let writeOperations: Set<String> = ["CREATE", "UPDATE", "DELETE"]

    /// Whether holding `self` grants `other`.
    public func covers(_ other: OAuthScope) -> Bool {
        guard resource == other.resource else { return false }
        return operation == "ALL" || operation == other.operation
            || (operation == "WRITE" && Self.writeOperations.contains(other.operation))
    }

    /// A scope from known-good parts (for fixed tables such as the route map).
    public init(resource: String, operation: String) {
        precondition(Self.operations.contains(operation), "unknown scope operation \(operation)")
        self.resource = resource
        self.operation = operation
    }

    /// Parses a comma-separated list (Zoho's separator; spaces are accepted too). Nil when empty or when
    /// any item is not a scope. Duplicates are dropped, order kept.
    public static func parseList(_ text: String) -> [OAuthScope]? {
        var scopes: [OAuthScope] = []
        for item in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let scope = OAuthScope(item) else { return nil }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        return scopes.isEmpty ? nil : scopes
    }

    /// The stored form, comma-separated.
    static func text(_ scopes: [OAuthScope]) -> String {
        scopes.map(\.description).joined(separator: ",")
    }

    /// The scopes of a stored list (items that no longer parse are dropped: they grant nothing).
    static func parseStored(_ text: String) -> [OAuthScope] {
        text.split(separator: ",").compactMap { OAuthScope($0) }
    }
}
