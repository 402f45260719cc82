import DeskCore
import DeskHTTP

/// Which routes field permissions guard, and which query parameter reads which field: the table
/// ``FieldPermissionGuard`` consults. A new filter, sort key or search parameter on tickets, contacts or
/// accounts needs its field here.
enum FieldPermissionRoutes {
    /// What a guarded call does with fields.
    enum Target: Equatable {
        /// Creates or updates a record of the module from its JSON body.
        case write(AccessModule)
        /// Lists, counts or searches the module with these query parameters.
        case read(AccessModule, QueryFields)
    }

    /// Query parameters and the fields each one filters, sorts or searches on.
    struct QueryFields: Equatable {
        /// Parameter → fields it reads.
        let parameters: [String: [String]]
        /// `sortBy` keys (without `-`) → field.
        let sortKeys: [String: String]

        /// The parameters present in `query`, each with the fields it reads, in a stable order.
        func fields(in query: QueryParameters) -> [(parameter: String, fields: [String])] {
            var found: [(parameter: String, fields: [String])] = []
            for name in parameters.keys.sorted() where query[name] != nil {
                found.append((name, parameters[name]!))
            }
            if let sortBy = query["sortBy"] {
                let key = sortBy.hasPrefix("-") ? String(sortBy.dropFirst()) : sortBy
                if let field = sortKeys[key] { found.append(("sortBy", [field])) }
            }
            return found
        }
    }

    private static let ticketFilters: [String: [String]] = [
        "status": ["status"], "priority": ["priority"], "channel": ["channel"], "assignee": ["assigneeId"],
        "departmentId": ["departmentId"], "contactId": ["contactId"],
    ]
    private static let ticketSearch: [String: [String]] = ticketFilters.merging([
        "_all": ["subject", "email"], "subject": ["subject"], "email": ["email"], "category": ["category"],
        "classification": ["classification"],
    ], uniquingKeysWith: { first, _ in first })
    private static let ticketSort = ["dueDate": "dueDate"]

    /// The guarded meaning of a call, or nil when field permissions do not concern it.
    static func target(method: HTTPMethod, pattern: String) -> Target? {
        let method = method == .head ? "GET" : method.rawValue
        switch (method, pattern) {
        case ("POST", "/api/v1/tickets"), ("PATCH", "/api/v1/tickets/{id}"):
            return .write(.tickets)
        case ("POST", "/api/v1/contacts"), ("PATCH", "/api/v1/contacts/{id}"):
            return .write(.contacts)
        case ("POST", "/api/v1/accounts"), ("PATCH", "/api/v1/accounts/{id}"):
            return .write(.accounts)
        case ("GET", "/api/v1/tickets"), ("GET", "/api/v1/ticketsCount"):
            return .read(.tickets, QueryFields(parameters: ticketFilters, sortKeys: ticketSort))
        case ("GET", "/api/v1/tickets/search"):
            return .read(.tickets, QueryFields(parameters: ticketSearch, sortKeys: ticketSort))
        case ("GET", "/api/v1/contacts"):
            return .read(.contacts, QueryFields(parameters: [:], sortKeys: ["lastName": "lastName"]))
        case ("GET", "/api/v1/contacts/search"):
            return .read(.contacts, QueryFields(parameters: ["searchStr": ["firstName", "lastName", "email"]], sortKeys: [:]))
        case ("GET", "/api/v1/accounts"):
            return .read(.accounts, QueryFields(parameters: [:], sortKeys: ["accountName": "accountName"]))
        case ("GET", "/api/v1/accounts/search"):
            return .read(.accounts, QueryFields(parameters: ["searchStr": ["accountName", "email"]], sortKeys: [:]))
        default:
            return nil
        }
    }
}
