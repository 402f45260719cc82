import DeskHTTP

/// `GET /portal/{portal}/`: signed in → the user's tickets; else a welcome page with sign-in and sign-up
/// links.
struct HomePage: PortalPages {
    func register(on routes: PortalRoutes) {
        routes.get("", home)
    }

    private func home(_ request: PortalRequest) throws -> HTTPResponse {
        if request.user != nil { return request.redirect(to: "tickets") }
        return request.render("home", title: request.t("common.welcomeTitle", ["org": request.org.name]))
    }
}
