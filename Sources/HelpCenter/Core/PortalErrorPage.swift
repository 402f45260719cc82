import DeskCore
import DeskHTTP

/// The help center's readable error pages (404, 400, 403, 405, 409, 413, 415, 429, 500, 503) in the
/// user's language, inside the layout, with the request id for support.
struct PortalErrorPage: Sendable {
    let site: PortalSite

    /// Statuses with their own text in the catalogs (`common.error<code>Title` / `…Text`); others use 400
    /// or 500's.
    static let statuses: Set<Int> = [400, 403, 404, 405, 409, 413, 415, 429, 500, 503]

    func response(status: HTTPStatus, language: String, requestID: String, org: Org? = nil, signedIn: Bool = false,
                  csrfToken: String = "") -> HTTPResponse {
        let catalog = site.catalogs(language)
        let code = Self.statuses.contains(status.code) ? status.code : (status.code >= 500 ? 500 : 400)
        let title = catalog.text("common.error\(code)Title")
        var values: [String: Any] = [
            "t": catalog.nested, "lang": language, "csrf": csrfToken, "signedIn": signedIn && org != nil,
            "orgName": org?.name ?? "", "base": org.map { "/portal/\($0.portal)/" } ?? "",
            "hasOrg": org != nil, "here": org.map { "/portal/\($0.portal)/" } ?? "",
            "errorTitle": title, "errorText": catalog.text("common.error\(code)Text"), "requestId": requestID,
            "languages": Language.supported.map { code in
                ["code": code, "name": site.catalogs(code).text("common.languageName"), "selected": code == language] as [String: Any]
            },
        ]
        values["content"] = site.templates.render("error", values)
        values["title"] = title
        var response = HTTPResponse.html(site.templates.render("layout", values), status: status)
        PortalGate.secure(&response)
        return response
    }
}
