import DeskCore
import DeskHTTP

extension AccountPages {
    /// `GET signin?return=`: the form (`#signin-form`: email, password, hidden return).
    func signInForm(_ request: PortalRequest) throws -> HTTPResponse {
        let back = request.safeReturnPath(request.http.query["return"], fallback: "tickets")
        if request.user != nil { return .redirect(to: back, status: .seeOther) }
        return request.render("signin", title: request.t("account.signInTitle"), values: ["returnPath": back])
    }

    /// `POST signin`: refused with 429 while the account or the client address has too many recent
    /// failures; a wrong email or password re-renders the form with one message for both. Success
    /// starts a new session (a fresh token: the session id rotates) and ends the one the browser had.
    func signIn(_ request: PortalRequest) throws -> HTTPResponse {
        let email = PortalUser.normalize(email: request.form["email"] ?? "")
        let password = request.form["password"] ?? ""
        let back = request.safeReturnPath(request.form["return"], fallback: "tickets")
        let throttle = request.site.throttle
        let address = request.http.remoteAddress
        if try throttle.isBlocked(org: request.org.id, email: email, address: address, store: request.store) {
            var response = request.render("message", title: request.t("common.error429Title"), values: [
                "heading": request.t("common.error429Title"),
                "text": request.t("account.signInThrottled", ["minutes": String(max(1, throttle.windowSeconds / 60))]),
            ], status: .tooManyRequests)
            response.headers["Retry-After"] = String(throttle.windowSeconds)
            return response
        }
        let user = email.isEmpty || password.count > AccountForms.maxPasswordLength
            ? nil : try request.store.portalUser(org: request.org.id, email: email)
        guard let user, PasswordHasher.verify(password, against: user.passwordHash) else {
            if user == nil { PasswordHasher.spendEquivalentTime(password) }
            try throttle.recordFailure(org: request.org.id, email: email, address: address, store: request.store)
            return renderSignIn(request, email: email, back: back, error: request.t("account.errorSignInFailed"))
        }
        guard user.emailVerifiedAt != nil else {
            return renderSignIn(request, email: email, back: back, error: request.t("account.errorNotVerified"))
        }
        try throttle.clearAccount(org: request.org.id, email: email, store: request.store)
        if let old = request.session { try request.store.revokePortalSession(tokenHash: old.tokenHash) }
        let portal = request.site.portal
        let started = try request.store.createPortalSession(org: request.org.id, userID: user.id,
                                                            idleSeconds: portal.sessionIdleSeconds,
                                                            absoluteSeconds: portal.sessionAbsoluteSeconds)
        var response = HTTPResponse.redirect(to: back, status: .seeOther)
        response.headers.add(name: "Set-Cookie", value: PortalCookies.header(PortalCookies.session, started.token))
        response.headers.add(name: "Set-Cookie", value: PortalCookies.deletion(PortalCookies.preSession))
        return response
    }

    /// `POST signout` (`#signout-form`): ends the session and forgets the cookie.
    func signOut(_ request: PortalRequest) throws -> HTTPResponse {
        if let session = request.session { try request.store.revokePortalSession(tokenHash: session.tokenHash) }
        var response = request.redirect(to: "signin")
        response.headers.add(name: "Set-Cookie", value: PortalCookies.deletion(PortalCookies.session))
        return response
    }

    private func renderSignIn(_ request: PortalRequest, email: String, back: String, error: String) -> HTTPResponse {
        request.render("signin", title: request.t("account.signInTitle"), values: [
            "email": email, "returnPath": back, "formError": error,
        ], status: .badRequest)
    }
}
