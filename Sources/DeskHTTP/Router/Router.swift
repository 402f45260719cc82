import Foundation
import Synchronization

/// Routes a method and a percent-decoded path to a handler through a segment trie.
///
/// Built once at start-up, then only read. Registration takes a lock so that the type is honestly
/// `Sendable`; ``freeze()`` ends registration, after which lookups take no lock (worker threads would
/// otherwise all contend for it on every request). Rules:
/// - a literal segment wins over a `{parameter}` at the same position (`/tickets/search` before
///   `/tickets/{id}`), with backtracking when the literal branch leads nowhere;
/// - a trailing slash is significant: `/tickets/` does not match `/tickets` (404);
/// - `HEAD` uses the `GET` handler unless a `HEAD` route is registered; `Allow` lists `HEAD` with `GET`;
/// - a path that exists for other methods only is `.methodNotAllowed` (405), otherwise `.notFound`.
///
/// Registering the same method and pattern twice, or two different parameter names at the same
/// position, is a programming error and stops the process at start-up.
public final class Router<Context>: @unchecked Sendable {
    private let lock = NSLock()
    private let root = RouteNode<Context>()
    private var table: [(method: HTTPMethod, pattern: String)] = []
    /// Set by ``freeze()``: the trie no longer changes.
    private let frozen = Atomic<Bool>(false)

    /// Creates an empty router.
    public init() {}

    /// Registers `handler` for `method` and `pattern` (e.g. `/api/v1/tickets/{id}`).
    public func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler<Context>) {
        let parsed = RoutePattern(pattern)
        lock.lock()
        defer { lock.unlock() }
        precondition(!frozen.load(ordering: .relaxed), "route \(method) \(pattern) registered after freeze()")
        var node = root
        for segment in parsed.segments {
            switch segment {
            case .literal(let text):
                node = node.literalChild(adding: text)
            case .parameter(let name):
                if let child = node.parameterChild {
                    precondition(node.parameterName == name,
                                 "route \(pattern): {\(name)} conflicts with {\(node.parameterName ?? "")} at the same position")
                    node = child
                } else {
                    let child = RouteNode<Context>()
                    node.parameterName = name
                    node.parameterChild = child
                    node = child
                }
            }
        }
        precondition(node.route(for: method) == nil, "route \(method) \(pattern) registered twice")
        node.routes.append((method: method, route: RouteNode.Route(handler: handler, pattern: pattern)))
        table.append((method: method, pattern: pattern))
    }

    /// Registers a `GET` route (also answering `HEAD`).
    public func get(_ pattern: String, _ handler: @escaping Handler<Context>) { add(.get, pattern, handler) }
    /// Registers a `POST` route.
    public func post(_ pattern: String, _ handler: @escaping Handler<Context>) { add(.post, pattern, handler) }
    /// Registers a `PUT` route.
    public func put(_ pattern: String, _ handler: @escaping Handler<Context>) { add(.put, pattern, handler) }
    /// Registers a `PATCH` route.
    public func patch(_ pattern: String, _ handler: @escaping Handler<Context>) { add(.patch, pattern, handler) }
    /// Registers a `DELETE` route.
    public func delete(_ pattern: String, _ handler: @escaping Handler<Context>) { add(.delete, pattern, handler) }

    /// Looks up `method` and the percent-decoded `path` (which must start with `/`).
    public func match(_ method: HTTPMethod, _ path: String) -> RouteMatch<Context> {
        guard path.hasPrefix("/") else { return .notFound }
        let segments = RoutePattern.split(path)[...]
        // Once frozen (an acquiring load that pairs with freeze()'s releasing store), the trie is only
        // read: no lock.
        if frozen.load(ordering: .acquiring) { return lookUp(method, segments) }
        lock.lock()
        defer { lock.unlock() }
        return lookUp(method, segments)
    }

    /// Ends registration: later `add` calls stop the process, and lookups no longer lock.
    public func freeze() {
        lock.lock()
        defer { lock.unlock() }
        frozen.store(true, ordering: .releasing)
    }

    private func lookUp(_ method: HTTPMethod, _ segments: ArraySlice<Substring>) -> RouteMatch<Context> {
        var parameters = RouteParameters()
        if let node = root.find(segments, parameters: &parameters, accept: { Self.route(in: $0, for: method) != nil }),
           let route = Self.route(in: node, for: method) {
            return .found(handler: route.handler, parameters: parameters, pattern: route.pattern)
        }
        var ignored = RouteParameters()
        if let node = root.find(segments, parameters: &ignored, accept: { !$0.routes.isEmpty }) {
            return .methodNotAllowed(allowed: Self.allowed(node.routes.map(\.method)))
        }
        return .notFound
    }

    /// Every registered route in registration order, e.g. for a route listing at start-up.
    public var routeTable: [(method: HTTPMethod, pattern: String)] {
        lock.lock()
        defer { lock.unlock() }
        return table
    }

    private static func route(in node: RouteNode<Context>, for method: HTTPMethod) -> RouteNode<Context>.Route? {
        if let route = node.route(for: method) { return route }
        if method == .head { return node.route(for: .get) }
        return nil
    }

    private static func allowed(_ methods: [HTTPMethod]) -> [HTTPMethod] {
        var set = Set(methods)
        if set.contains(.get) { set.insert(.head) }
        let order: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]
        let known = order.filter { set.contains($0) }
        let others = set.subtracting(order).sorted { $0.rawValue < $1.rawValue }
        return known + others
    }
}
