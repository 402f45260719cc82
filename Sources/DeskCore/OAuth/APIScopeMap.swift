/// Which OAuth scopes an `/api/v1` call needs, from its method and path (Zoho Desk's scope names), so
/// that the auth step enforces scopes on every route without the route files saying anything.
///
/// | path (under `/api/v1`) | module |
/// |---|---|
/// | `tickets…` (threads, sendReply, conversations, comments, attachments), `ticketsCount`, `uploads` | `Desk.tickets` |
/// | `contacts…`, `accounts…`, `emailChangeRequests…`, `erasureRequests…` | `Desk.contacts` |
/// | `agents…`, `departments…`, `myinfo`, `myProfilePermissions`, `organizations…` | `Desk.basic` |
/// | `organizationFields…`, `recycleBin…`, `auditLogs…`, `profiles…`, `roles…`, `dataSharingRules`, `sharingRules…` | `Desk.settings` |
/// | `tickets/search`, `contacts/search`, `accounts/search` | `Desk.search.READ`, or the module's `READ` |
///
/// The operation: GET and HEAD → `READ`; POST → `CREATE`, except `…/moveToTrash` and `recycleBin/delete`
/// → `DELETE`, `recycleBin/restore` and the privacy queues' `approve`/`reject` → `UPDATE`; PATCH and PUT →
/// `UPDATE`; DELETE → `DELETE`. A token holding `<module>.ALL` may do everything in the module,
/// `<module>.WRITE` every CREATE, UPDATE and DELETE. Any other path prefix has no entry and is refused for
/// every token, so a new route cannot go out unscoped: add it here.
public enum APIScopeMap {
    /// The scopes that each grant the call (any one suffices), or nil when the path has no entry.
    ///
    /// - Parameters:
    ///   - method: the HTTP method, e.g. `GET`.
    ///   - path: the route pattern or path, e.g. `/api/v1/tickets/{id}`.
    public static func requiredScopes(method: String, path: String) -> [OAuthScope]? {
        guard path.hasPrefix("/api/v1/") else { return nil }
        let segments = path.dropFirst("/api/v1/".count).split(separator: "/", omittingEmptySubsequences: false)
        guard let first = segments.first, let module = module(of: first) else { return nil }
        let second = segments.count > 1 ? segments[1] : nil
        if method == "GET" || method == "HEAD", segments.count == 2, second == "search",
           ["tickets", "contacts", "accounts"].contains(first) {
            return [OAuthScope(resource: "search", operation: "READ"), OAuthScope(resource: module, operation: "READ")]
        }
        guard let operation = operation(method: method, first: first, segments: segments) else { return nil }
        return [OAuthScope(resource: module, operation: operation)]
    }

    /// The scope module of a first path segment.
    private static func module(of first: Substring) -> String? {
        switch first {
        case "tickets", "ticketsCount", "uploads": "tickets"
        case "contacts", "accounts", "emailChangeRequests", "erasureRequests": "contacts"
        case "agents", "departments", "myinfo", "myProfilePermissions", "organizations": "basic"
        case "organizationFields", "recycleBin", "auditLogs", "profiles", "roles", "dataSharingRules", "sharingRules":
            "settings"
        default: nil
        }
    }

    private static func operation(method: String, first: Substring, segments: [Substring]) -> String? {
        switch method {
        case "GET", "HEAD":
            return "READ"
        case "PATCH", "PUT":
            return "UPDATE"
        case "DELETE":
            return "DELETE"
        case "POST":
            let last = segments.last ?? ""
            if last == "moveToTrash" { return "DELETE" }
            if first == "emailChangeRequests" || first == "erasureRequests" {
                return last == "approve" || last == "reject" ? "UPDATE" : nil
            }
            if first == "recycleBin" {
                switch last {
                case "delete": return "DELETE"
                case "restore": return "UPDATE"
                default: return nil
                }
            }
            return "CREATE"
        default:
            return nil
        }
    }
}
