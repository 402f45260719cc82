import DeskCore
import DeskHTTP
import Foundation

/// A help-center page handler: the checked request in, a response out. Throw `HTTPError` (a localized
/// error page is shown), ``PortalRedirect``, or a `StoreError` (404 for notFound, 400 for invalid).
public typealias PortalHandler = @Sendable (PortalRequest) throws -> HTTPResponse

/// A group of help-center pages registering its routes, e.g.
/// `struct TicketPages: PortalPages { func register(on routes: PortalRoutes) { routes.get("tickets", list) } }`.
public protocol PortalPages: Sendable {
    func register(on routes: PortalRoutes)
}

/// Registers help-center pages under `/portal/{portal}/`. Every route it adds runs the same steps before
/// the handler (``PortalGate``): org by Host region and portal name (404 page when unknown), session
/// lookup (idle expiry slid), language, CSRF token; for POST the form is parsed and its `_csrf` checked
/// (403 page, nothing written). Responses get the help center's CSP and `Cache-Control: no-store`.
public final class PortalRoutes: @unchecked Sendable {
    private let addRoute: (HTTPMethod, String, @escaping PortalHandler) -> Void
    private let lock = NSLock()
    private var limits: [RouteBodyLimit] = []

    init(add: @escaping (HTTPMethod, String, @escaping PortalHandler) -> Void) {
        self.addRoute = add
    }

    /// The full route pattern of a page path, e.g. `tickets/{id}` → `/portal/{portal}/tickets/{id}`;
    /// "" is the home page `/portal/{portal}/`.
    public static func pattern(_ path: String) -> String {
        path.isEmpty ? "/portal/{portal}/" : "/portal/{portal}/" + path
    }

    /// A GET page (HEAD too).
    public func get(_ path: String, _ handler: @escaping PortalHandler) {
        addRoute(.get, Self.pattern(path), handler)
    }

    /// A POST form target. `maxBodyBytes` raises (or lowers) the body limit for this route, e.g. for
    /// multipart forms with attachments (nginx's `client_max_body_size` for `/portal/` must allow it).
    public func post(_ path: String, maxBodyBytes: Int? = nil, _ handler: @escaping PortalHandler) {
        addRoute(.post, Self.pattern(path), handler)
        if let maxBodyBytes {
            lock.withLock { limits.append(RouteBodyLimit(method: .post, pattern: Self.pattern(path), maxBytes: maxBodyBytes)) }
        }
    }

    /// The body limits of the routes registered with `maxBodyBytes`.
    public var bodyLimits: [RouteBodyLimit] { lock.withLock { limits } }
}
