/// Which profile right an `/api/v1` call needs, from its method and route pattern, so that the auth step
/// checks module rights on every route (403 `FORBIDDEN` when the caller's profile lacks it) before any
/// handler runs. Record-level reach (sharing) and field permissions are checked by the reads and writes
/// themselves.
///
/// | path (under `/api/v1`) | module | GET | POST | PATCH | DELETE |
/// |---|---|---|---|---|---|
/// | `tickets`, `tickets/{id}`, `ticketsCount`, `tickets/search` | tickets | view | create | edit | — |
/// | `tickets/moveToTrash` | tickets | — | delete | — | — |
/// | `tickets/{id}/threads…`, `conversations` | tickets | view | — | — | — |
/// | `tickets/{id}/sendReply`, `tickets/{id}/attachments…` | tickets | view | edit | — | edit |
/// | `tickets/{id}/comments…`, `uploads` | tickets | view | view | edit | edit |
/// | `contacts…`, `accounts…` (`moveToTrash` → delete) | contacts, accounts | view | create | edit | — |
/// | `agents…` (`activate`, `deactivate` → edit) | agents | view | create | edit | — |
/// | `departments…` (`enable`, `disable`, `associateAgents`, `dissociateAgents` → edit) | departments | view | create | edit | delete |
/// | `recycleBin` (`restore` → edit, `delete` → delete) | recycleBin | view | | | |
/// | `auditLogs` | auditLog | view | | | |
/// | `organizations…`, `organizationFields…`, `profiles…`, `roles…`, `dataSharingRules…`, `sharingRules…` | settings | anyone | edit | edit | edit |
/// | `myinfo`, `myProfilePermissions` | — | anyone | | anyone | |
/// | `emailChangeRequests…` (`approve`, `reject`) | privacy `approveEmailChange` | ✓ | ✓ | | |
/// | `erasureRequests…` (`approve`, `reject`) | privacy `anonymize` | ✓ | ✓ | | |
///
/// A path with no entry is refused for everyone: a new route must be added here.
public enum APIPermissionMap {
    /// What a call needs.
    public enum Requirement: Sendable, Equatable {
        /// Any authenticated agent of the org.
        case anyAgent
        /// The profile right `action` on `module`.
        case right(AccessModule, AccessAction)
        /// The profile's privacy right `action`.
        case privacy(PrivacyAction)
    }

    /// The requirement of a call, or nil when the path has no entry.
    ///
    /// - Parameters:
    ///   - method: the HTTP method, e.g. `GET` (HEAD counts as GET).
    ///   - path: the route pattern or path, e.g. `/api/v1/tickets/{id}`.
    public static func requirement(method: String, path: String) -> Requirement? {
        guard path.hasPrefix("/api/v1/") else { return nil }
        let segments = path.dropFirst("/api/v1/".count).split(separator: "/", omittingEmptySubsequences: false)
        guard let first = segments.first else { return nil }
        let method = method == "HEAD" ? "GET" : method
        let last = segments.count > 1 ? segments[segments.count - 1] : ""
        switch first {
        case "tickets", "ticketsCount", "uploads":
            return ticketRequirement(method: method, first: first, segments: segments)
        case "contacts", "accounts":
            let module: AccessModule = first == "contacts" ? .contacts : .accounts
            return recordRequirement(module, method: method, last: last)
        case "agents":
            return recordRequirement(.agents, method: method, last: last)
        case "departments":
            return recordRequirement(.departments, method: method, last: last)
        case "recycleBin":
            switch (method, last) {
            case ("GET", _): return .right(.recycleBin, .view)
            case ("POST", "restore"): return .right(.recycleBin, .edit)
            case ("POST", "delete"): return .right(.recycleBin, .delete)
            default: return nil
            }
        case "auditLogs":
            return method == "GET" ? .right(.auditLog, .view) : nil
        case "organizations", "organizationFields", "profiles", "roles", "dataSharingRules", "sharingRules":
            return method == "GET" ? .anyAgent : .right(.settings, .edit)
        case "myinfo", "myProfilePermissions":
            return .anyAgent
        case "emailChangeRequests", "erasureRequests":
            let right: PrivacyAction = first == "emailChangeRequests" ? .approveEmailChange : .anonymize
            switch (method, segments.count, last) {
            case ("GET", 1...2, _), ("POST", 3, "approve"), ("POST", 3, "reject"): return .privacy(right)
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func ticketRequirement(method: String, first: Substring, segments: [Substring]) -> Requirement? {
        if first == "uploads" { return .right(.tickets, .view) }
        if method == "GET" { return .right(.tickets, .view) }
        let child = segments.count > 2 ? segments[2] : nil
        switch child {
        case nil:
            if segments.count == 2, segments[1] == "moveToTrash" { return .right(.tickets, .delete) }
            switch method {
            case "POST": return .right(.tickets, .create)
            case "PATCH": return .right(.tickets, .edit)
            default: return nil
            }
        case "comments":
            return method == "POST" ? .right(.tickets, .view) : .right(.tickets, .edit)
        case "sendReply", "attachments":
            return .right(.tickets, .edit)
        default:
            return nil
        }
    }

    private static func recordRequirement(_ module: AccessModule, method: String, last: Substring) -> Requirement? {
        switch method {
        case "GET": return .right(module, .view)
        case "PATCH": return .right(module, .edit)
        case "DELETE": return .right(module, .delete)
        case "POST":
            switch last {
            case "moveToTrash": return .right(module, .delete)
            case "activate", "deactivate", "enable", "disable", "associateAgents", "dissociateAgents":
                return .right(module, .edit)
            default: return .right(module, .create)
            }
        default: return nil
        }
    }
}
