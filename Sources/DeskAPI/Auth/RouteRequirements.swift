import DeskCore

/// What a call needs, by method and matched route pattern: the OAuth scopes (``APIScopeMap``) and the
/// profile right (``APIPermissionMap``).
///
/// Both maps read the path segment by segment; the answer depends only on the method and the route
/// pattern, of which a server has a fixed few, so it is worked out once per pattern and kept in the
/// worker's ``Cache`` (one per worker thread, so the request path takes no lock: a process-wide table
/// behind a mutex was contended by the workers). A request that matched no route (no pattern) is looked
/// up directly, never kept.
struct RouteRequirements: Sendable {
    /// The scopes that grant the call (nil: the scope map does not know the path).
    let scopes: [OAuthScope]?
    /// The profile right the call needs (nil: the permission map does not know the path).
    let permission: APIPermissionMap.Requirement?

    /// The requirements of `method` on `routePattern`, or on `path` when no route matched, remembered in
    /// `cache` per pattern.
    static func of(method: String, routePattern: String?, path: String, cache: Cache) -> RouteRequirements {
        guard let routePattern else { return compute(method: method, path: path) }
        let key = Key(method: method, pattern: routePattern)
        if let known = cache.known[key] { return known }
        let requirements = compute(method: method, path: routePattern)
        cache.known[key] = requirements
        return requirements
    }

    private static func compute(method: String, path: String) -> RouteRequirements {
        RouteRequirements(scopes: APIScopeMap.requiredScopes(method: method, path: path),
                          permission: APIPermissionMap.requirement(method: method, path: path))
    }

    fileprivate struct Key: Hashable {
        let method: String
        let pattern: String
    }

    /// The patterns one worker thread has seen so far (bounded by the router's routes × methods); used by
    /// that thread alone.
    final class Cache {
        fileprivate var known: [Key: RouteRequirements] = [:]
    }
}
