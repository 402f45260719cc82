import DeskCore
import DeskHTTP

/// `POST /portal/{portal}/language` (`#language-form`: `language` = en/ja, `return`): switches the
/// language, remembers it in a cookie for a year and, when signed in, in the user's profile.
struct LanguagePage: PortalPages {
    func register(on routes: PortalRoutes) {
        routes.post("language", change)
    }

    private func change(_ request: PortalRequest) throws -> HTTPResponse {
        let language = request.form.trimmed("language")
        guard Language.supported.contains(language) else { throw HTTPError.badRequest() }
        if let user = request.user, user.language != language {
            _ = try request.store.write(request.actor) { tx in
                try tx.updatePortalUserPreferences(user.id, language: .some(language))
            }
        }
        var response = HTTPResponse.redirect(to: request.safeReturnPath(request.form["return"]), status: .seeOther)
        response.headers.add(name: "Set-Cookie",
                             value: PortalCookies.header(Language.cookieName, language, maxAge: 365 * 86_400))
        return response
    }
}
