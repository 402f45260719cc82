import DeskCore
import DeskHTTP
import Logging

/// The help center: end users' HTML pages under `/portal/{portal}/` (DESIGN §2). DeskAPI's
/// `DeskApplication` registers it on the server's router and adds its middleware and body limits.
public struct HelpCenter: Sendable {
    public let site: PortalSite

    public init(site: PortalSite) {
        self.site = site
    }

    /// Every page group of the help center. Add a group here to publish its pages.
    static let pages: [any PortalPages] = [
        HomePage(),
        AccountPages(),
        LanguagePage(),
        TicketPages(),
        ProfilePages(),
        MyDataPages(),
    ]

    /// Registers every page on `router`; returns the body limits of routes that need their own.
    @discardableResult
    public func register<Context: PortalWorkerContext>(on router: Router<Context>) -> [RouteBodyLimit] {
        let gate = PortalGate(site: site)
        let routes = PortalRoutes { method, pattern, handler in
            router.add(method, pattern) { request, context in try gate.handle(request, context, handler) }
        }
        for group in Self.pages { group.register(on: routes) }
        return routes.bodyLimits
    }

    /// Renders errors under `/portal/` that happen outside a page (unknown page → 404, wrong method → 405)
    /// as the help center's localized error page instead of the generic one.
    public func middleware<Context>() -> Middleware<Context> {
        let errors = PortalErrorPage(site: site)
        return { request, context, next in
            guard request.path.hasPrefix("/portal/") else { return try next(request, context) }
            do {
                return try next(request, context)
            } catch let error as HTTPError where error.status != .misdirectedRequest {
                var response = errors.response(status: error.status, language: Language.resolve(profile: nil, request: request),
                                               requestID: request.requestID)
                for (name, value) in error.headers { response.headers[name] = value }
                return response
            }
        }
    }
}
