/// A node of the router's segment trie.
final class RouteNode<Context> {
    struct Route {
        let handler: Handler<Context>
        let pattern: String
    }

    var literals: [String: RouteNode] = [:]
    var parameterName: String?
    var parameterChild: RouteNode?
    /// The routes ending here, one per method. A node has a handful at most: a list searched by comparing
    /// method names costs less than hashing the method on every lookup.
    var routes: [(method: HTTPMethod, route: Route)] = []

    /// The route registered for exactly `method`, if any.
    func route(for method: HTTPMethod) -> Route? {
        for entry in routes where entry.method.rawValue == method.rawValue { return entry.route }
        return nil
    }

    /// Finds the first terminal node for `segments` whose routes satisfy `accept`, preferring literal
    /// segments over parameters and backtracking when a branch fails. Captured values are appended to
    /// `parameters` (and removed again on backtracking).
    func find(_ segments: ArraySlice<Substring>, parameters: inout RouteParameters,
              accept: (RouteNode) -> Bool) -> RouteNode? {
        guard let segment = segments.first else {
            return accept(self) ? self : nil
        }
        let rest = segments.dropFirst()
        if let child = literals[String(segment)],
           let found = child.find(rest, parameters: &parameters, accept: accept) {
            return found
        }
        if let name = parameterName, let child = parameterChild, !segment.isEmpty {
            parameters.append(name: name, value: String(segment))
            if let found = child.find(rest, parameters: &parameters, accept: accept) {
                return found
            }
            parameters.removeLast()
        }
        return nil
    }
}
