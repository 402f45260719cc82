/// The result of looking a method and path up in a `Router`.
public enum RouteMatch<Context>: Sendable {
    /// A route matched: its handler, the captured parameters and the pattern it was registered with.
    case found(handler: Handler<Context>, parameters: RouteParameters, pattern: String)
    /// No route has this path (404).
    case notFound
    /// Routes have this path, but not for this method (405); `allowed` is for the `Allow` header.
    case methodNotAllowed(allowed: [HTTPMethod])
}
