/// A route handler: the request (with route parameters filled in) and the per-request context in,
/// a response out. Throw `HTTPError` for intended errors.
public typealias Handler<Context> = @Sendable (HTTPRequest, Context) throws -> HTTPResponse

/// Wraps routing: call `next` to continue (possibly with a changed request or context), or return a
/// response without calling it. The first middleware in the server's list is the outermost. The
/// request already carries `routePattern` and `parameters` of the route it will reach (`nil`/empty
/// when none matches), so a middleware can decide by route.
public typealias Middleware<Context> = @Sendable (
    HTTPRequest, Context, _ next: (HTTPRequest, Context) throws -> HTTPResponse
) throws -> HTTPResponse
