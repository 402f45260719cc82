/// One registered route as `deskd routes` prints it: a method and a pattern such as
/// `GET /api/v1/tickets/{id}`. Read-only: made from a router's table, it cannot change the router.
public struct RouteListing: Sendable, Hashable, CustomStringConvertible {
    /// The registered method (`HEAD` is answered by `GET` routes and appears only when registered itself).
    public let method: HTTPMethod
    /// The pattern as registered, e.g. `/api/v1/tickets/{id}/comments/{commentId}`.
    public let pattern: String

    /// Creates a listing entry.
    public init(method: HTTPMethod, pattern: String) {
        self.method = method
        self.pattern = pattern
    }

    /// The names of the pattern's `{…}` parameters, in path order (e.g. `["id", "commentId"]`).
    public var parameterNames: [String] {
        RoutePattern(pattern).segments.compactMap { segment in
            if case .parameter(let name) = segment { return name }
            return nil
        }
    }

    /// `METHOD PATTERN`, one route per line of `deskd routes`.
    public var description: String { "\(method.rawValue) \(pattern)" }

    /// Pattern order, then the usual method order (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, others
    /// by name): a stable listing whatever the registration order.
    static func sortedForListing(_ routes: [RouteListing]) -> [RouteListing] {
        let order: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]
        func rank(_ method: HTTPMethod) -> Int { order.firstIndex(of: method) ?? order.count }
        return routes.sorted { lhs, rhs in
            if lhs.pattern != rhs.pattern { return lhs.pattern < rhs.pattern }
            if rank(lhs.method) != rank(rhs.method) { return rank(lhs.method) < rank(rhs.method) }
            return lhs.method.rawValue < rhs.method.rawValue
        }
    }
}

extension Router {
    /// Every registered route, sorted by pattern and then method (see ``RouteListing``). A copy: the
    /// router stays as it is.
    public var listing: [RouteListing] {
        RouteListing.sortedForListing(routeTable.map { RouteListing(method: $0.method, pattern: $0.pattern) })
    }
}
