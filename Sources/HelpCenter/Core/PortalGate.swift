import DeskCore
import DeskHTTP
import Foundation

/// The steps every help-center route runs around its handler (see ``PortalRoutes``).
struct PortalGate: Sendable {
    let site: PortalSite

    /// The Content-Security-Policy of every help-center page: nothing inline, nothing from elsewhere.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    func handle<Context: PortalWorkerContext>(_ http: HTTPRequest, _ context: Context, _ handler: PortalHandler) throws -> HTTPResponse {
        let fallbackLanguage = Language.resolve(profile: nil, request: http)
        guard let region = site.directory.region(forHost: http.host), let ids = site.idGenerator(region) else {
            throw HTTPError.misdirected(host: http.host)
        }
        let portal = (http.parameters["portal"] ?? "").lowercased()
        do {
            return try context.connections.with(region) { connection in
                let store = Store(connection: connection, ids: ids)
                guard let org = try store.org(portal: portal) else {
                    return PortalErrorPage(site: site).response(status: .notFound, language: fallbackLanguage,
                                                                requestID: http.requestID)
                }
                return try run(http, handler, org: org, region: region, store: store)
            }
        } catch RegionError.unavailable {
            var response = PortalErrorPage(site: site).response(status: .serviceUnavailable, language: fallbackLanguage,
                                                                requestID: http.requestID)
            response.headers["Retry-After"] = "5"
            return response
        }
    }

    private func run(_ http: HTTPRequest, _ handler: PortalHandler, org: Org, region: RegionID, store: Store) throws -> HTTPResponse {
        var cookies: [String] = []
        var session: PortalSession?
        var user: PortalUser?
        if let token = http.cookies[PortalCookies.session] {
            session = try store.portalSession(org: org.id, token: token, idleSeconds: site.portal.sessionIdleSeconds)
            if let found = session {
                user = try store.portalUser(org: org.id, id: found.userID)
            }
            if user == nil {
                session = nil
                cookies.append(PortalCookies.deletion(PortalCookies.session))
            }
        }
        let language = Language.resolve(profile: user?.language, request: http)
        let csrfToken: String
        if let session {
            csrfToken = CSRF.token(sessionSecret: session.csrfSecret)
        } else if let pre = http.cookies[PortalCookies.preSession], pre.utf8.count == 43 {
            csrfToken = CSRF.token(preSession: pre)
        } else {
            let pre = Base64URL.encode(try RandomBytes.generate(32))
            cookies.append(PortalCookies.header(PortalCookies.preSession, pre))
            csrfToken = http.method == .post ? "" : CSRF.token(preSession: pre)
        }
        let errors = PortalErrorPage(site: site)
        var response: HTTPResponse
        do {
            var form = PortalForm()
            if http.method == .post {
                form = try PortalForm.parse(http)
                guard CSRF.matches(form[CSRF.field], csrfToken) else {
                    throw HTTPError.forbidden("The form has expired or did not come from this site.", errorCode: "CSRF")
                }
            }
            let request = PortalRequest(http: http, site: site, org: org, region: region, store: store, user: user,
                                        session: session, language: language, csrfToken: csrfToken, form: form)
            do {
                response = try handler(request)
            } catch let error as StoreError {
                switch error {
                case .notFound: throw HTTPError.notFound()
                case .forbidden: throw HTTPError.forbidden()
                case .conflict, .versionMismatch: throw HTTPError(status: .conflict, errorCode: "CONFLICT", message: "")
                case .invalid: throw HTTPError.badRequest()
                }
            }
        } catch let redirect as PortalRedirect {
            response = .redirect(to: redirect.location, status: .seeOther)
        } catch let error as HTTPError {
            response = errors.response(status: error.status, language: language, requestID: http.requestID,
                                       org: org, signedIn: user != nil, csrfToken: csrfToken)
            for (name, value) in error.headers { response.headers[name] = value }
        } catch let error as RegionError {
            throw error
        } catch {
            site.logger.error("help center request failed", metadata: [
                "request_id": .string(http.requestID), "error_type": .string(String(reflecting: type(of: error))),
                "error": .string(String(describing: error)),
            ])
            response = errors.response(status: .internalServerError, language: language, requestID: http.requestID,
                                       org: org, signedIn: user != nil, csrfToken: csrfToken)
        }
        for cookie in cookies { response.headers.add(name: "Set-Cookie", value: cookie) }
        Self.secure(&response)
        return response
    }

    /// Adds the CSP and `Cache-Control: no-store` (unless the page set its own caching).
    static func secure(_ response: inout HTTPResponse) {
        response.headers["Content-Security-Policy"] = contentSecurityPolicy
        if response.headers["Cache-Control"] == nil { response.headers["Cache-Control"] = "no-store" }
    }
}
