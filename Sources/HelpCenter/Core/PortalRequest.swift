import DeskCore
import DeskHTTP
import Foundation

/// One help-center request as a page handler sees it: the org the Host and `{portal}` resolved to, the
/// signed-in end user (or none), the language, the CSRF token of the page's forms, the parsed form of a
/// POST (whose CSRF token was already verified), and a `Store` on the region's connection.
///
/// Only ``PortalRoutes`` creates one, after those checks.
public struct PortalRequest {
    /// The request as received, with route parameters (`{portal}` and the page's own).
    public let http: HTTPRequest
    public let site: PortalSite
    /// The org whose help center this is.
    public let org: Org
    public let region: RegionID
    /// The region's data; reads and writes of end users go through their own store functions.
    public let store: Store
    /// The signed-in end user, or nil.
    public let user: PortalUser?
    /// The session of the signed-in user, or nil.
    public let session: PortalSession?
    /// `en` or `ja`.
    public let language: String
    /// The CSRF token every POST form of this page must carry as hidden `_csrf` (`{{csrf}}` in templates).
    public let csrfToken: String
    /// The fields and files of a POST (CSRF already checked); empty for GET.
    public let form: PortalForm

    init(http: HTTPRequest, site: PortalSite, org: Org, region: RegionID, store: Store, user: PortalUser?,
         session: PortalSession?, language: String, csrfToken: String, form: PortalForm) {
        self.http = http
        self.site = site
        self.org = org
        self.region = region
        self.store = store
        self.user = user
        self.session = session
        self.language = language
        self.csrfToken = csrfToken
        self.form = form
    }

    /// This language's strings.
    public var catalog: Catalog { site.catalogs(language) }

    /// The text of catalog `key` in the request's language (`{name}` placeholders from `arguments`).
    public func t(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalog.text(key, arguments)
    }

    /// `/portal/{portal}/`: every link of the help center starts here.
    public var basePath: String { "/portal/\(org.portal)/" }

    /// The absolute path of a help-center page, e.g. `path("tickets/42")` → `/portal/acme/tickets/42`.
    public func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : basePath + relative
    }

    /// The actor of writes: the signed-in end user, else the system (sign-up, verification, reset).
    public var actor: Actor {
        if let user { return .endUser(org: org.id, contactID: user.contactID, requestID: http.requestID) }
        return .system(org.id, requestID: http.requestID)
    }

    /// The signed-in user; otherwise throws a redirect (303) to the sign-in page, which returns here
    /// after sign-in.
    public func requireSignIn() throws -> PortalUser {
        if let user { return user }
        var here = http.path
        if http.method == .get, !http.query.isEmpty { here += "?" + PortalURL.query(http.query) }
        throw PortalRedirect(location: path("signin") + "?return=" + PortalURL.queryEscape(here))
    }

    /// The user's time zone (UTC when not signed in or unset).
    public var timeZone: TimeZone {
        user?.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
    }

    /// A date and time in the request's language and the user's time zone, e.g. "Nov 30, 2026 at 9:05 AM"
    /// or "2026/11/30 9:05".
    public func formatDate(_ date: Date) -> String {
        PortalDates.format(date, language: language, timeZone: timeZone)
    }

    /// An HTML page: `template` rendered with `values` plus the common values (`t`, `csrf`, `base`,
    /// `lang`, `signedIn`, `orgName`), inside the layout with `title`.
    public func render(_ template: String, title: String, values: [String: Any] = [:], status: HTTPStatus = .ok) -> HTTPResponse {
        var all = commonValues
        for (key, value) in values { all[key] = value }
        let content = site.templates.render(template, all)
        all["title"] = title
        all["content"] = content
        return .html(site.templates.render("layout", all), status: status)
    }

    /// 303 See Other to a help-center page (`relative` to ``basePath``, or an absolute path).
    public func redirect(to relative: String) -> HTTPResponse {
        .redirect(to: path(relative), status: .seeOther)
    }

    /// `return` as a safe place to go back to: a path inside this help center, else `fallback`.
    public func safeReturnPath(_ value: String?, fallback: String = "") -> String {
        guard let value, value.hasPrefix(basePath), !value.contains("//"), !value.contains("\\"),
              !value.contains(where: { $0.isNewline }) else { return path(fallback) }
        return value
    }

    /// Values every template gets.
    var commonValues: [String: Any] {
        var here = http.path
        if http.method == .get, !http.query.isEmpty { here += "?" + PortalURL.query(http.query) }
        return [
            "t": catalog.nested,
            "lang": language,
            "csrf": csrfToken,
            "base": basePath,
            "hasOrg": true,
            "signedIn": user != nil,
            "orgName": org.name,
            "here": here,
            "languages": Language.supported.map { code in
                ["code": code, "name": site.catalogs(code).text("common.languageName"), "selected": code == language] as [String: Any]
            },
        ]
    }
}

/// Thrown by a page to answer with a redirect (e.g. ``PortalRequest/requireSignIn()``).
public struct PortalRedirect: Error {
    public let location: String
    public init(location: String) { self.location = location }
}

/// URL text helpers.
public enum PortalURL {
    /// Percent-encodes everything but unreserved characters, for a query value.
    public static func queryEscape(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Query parameters as urlencoded text.
    public static func query(_ parameters: QueryParameters) -> String {
        parameters.map { "\(queryEscape($0.name))=\(queryEscape($0.value))" }.joined(separator: "&")
    }
}
