#if canImport(Glibc)
import Glibc
#endif

/// A node of the router's segment trie.
final class RouteNode<Context> {
    struct Route {
        let handler: Handler<Context>
        let pattern: String
    }

    /// The literal children with their segment's UTF-8 bytes. A node has a few (the API's `/api/v1`
    /// about twenty): comparing lengths and bytes costs less than making a string of the request's segment
    /// and hashing it, as a dictionary lookup would on every segment of every request.
    private(set) var literals: [(bytes: [UInt8], node: RouteNode)] = []
    var parameterName: String?
    var parameterChild: RouteNode?
    /// The routes ending here, one per method. A node has a handful at most: a list searched by comparing
    /// method names costs less than hashing the method on every lookup.
    var routes: [(method: HTTPMethod, route: Route)] = []

    /// The child for the literal segment `text`, created when missing.
    func literalChild(adding text: String) -> RouteNode {
        if let child = literalChild(Substring(text)) { return child }
        let child = RouteNode()
        literals.append((bytes: Array(text.utf8), node: child))
        return child
    }

    /// The child for the literal segment `segment`, if any.
    func literalChild(_ segment: Substring) -> RouteNode? {
        var segment = segment
        return segment.withUTF8 { wanted in
            for entry in literals where entry.bytes.count == wanted.count {
                let same = entry.bytes.withUnsafeBufferPointer { bytes in
                    wanted.isEmpty || memcmp(bytes.baseAddress!, wanted.baseAddress!, wanted.count) == 0
                }
                if same { return entry.node }
            }
            return nil
        }
    }

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
        if let child = literalChild(segment),
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
