import DeskCore
import DeskHTTP

extension AccountPages {
    /// `GET password/forgot`: the form (`email`).
    func forgotForm(_ request: PortalRequest) throws -> HTTPResponse {
        request.render("forgot", title: request.t("account.forgotTitle"))
    }

    /// `POST password/forgot`: emails a reset link when the email has an account; the same page either way.
    func forgot(_ request: PortalRequest) throws -> HTTPResponse {
        let email = PortalUser.normalize(email: request.form["email"] ?? "")
        if let error = AccountForms.emailError(email) {
            return request.render("forgot", title: request.t("account.forgotTitle"), values: [
                "email": email, "errors": ["email": request.t(error)],
            ], status: .badRequest)
        }
        let lifetime = request.site.portal.resetTokenSeconds
        try request.store.write(.system(request.org.id, requestID: request.http.requestID)) { tx in
            guard let user = try request.store.portalUser(org: request.org.id, email: email) else { return }
            let token = try tx.createPortalToken(for: user, purpose: .reset, lifetimeSeconds: lifetime)
            try tx.enqueueEmail(to: user.email, subject: request.t("account.resetEmailSubject", ["org": request.org.name]),
                                body: request.t("account.resetEmailBody", [
                                    "org": request.org.name, "link": AccountForms.link(request, "password/reset?token=\(token)"),
                                    "minutes": String(lifetime / 60),
                                ]))
        }
        return request.render("message", title: request.t("account.forgotSentTitle"), values: [
            "heading": request.t("account.forgotSentTitle"), "text": request.t("account.forgotSentText"),
        ])
    }

    /// `GET password/reset?token=`: the new-password form (the token is checked when it is posted).
    func resetForm(_ request: PortalRequest) throws -> HTTPResponse {
        request.render("reset", title: request.t("account.resetTitle"), values: ["token": request.http.query["token"] ?? ""])
    }

    /// `POST password/reset` (`token`, `password`): sets the password, spends the token and ends every
    /// session of the account.
    func reset(_ request: PortalRequest) throws -> HTTPResponse {
        let token = request.form["token"] ?? ""
        let password = request.form["password"] ?? ""
        if let error = AccountForms.newPasswordError(password, config: request.site.portal) {
            return request.render("reset", title: request.t("account.resetTitle"), values: [
                "token": token,
                "errors": ["password": request.t(error, ["min": String(request.site.portal.minPasswordLength)])],
            ], status: .badRequest)
        }
        let hash = try PasswordHasher.standard.hash(password)
        let user = try request.store.write(.system(request.org.id, requestID: request.http.requestID)) { tx in
            try tx.resetPortalPassword(token: token, newPasswordHash: hash)
        }
        guard user != nil else {
            return request.render("message", title: request.t("account.resetFailedTitle"), values: [
                "heading": request.t("account.resetFailedTitle"), "text": request.t("account.resetFailedText"),
                "link": request.path("password/forgot"), "linkText": request.t("account.forgotLink"),
            ], status: .badRequest)
        }
        var response = request.render("message", title: request.t("account.resetDoneTitle"), values: [
            "heading": request.t("account.resetDoneTitle"), "text": request.t("account.resetDoneText"),
            "link": request.path("signin"), "linkText": request.t("account.signInLink"),
        ])
        if request.session != nil {
            response.headers.add(name: "Set-Cookie", value: PortalCookies.deletion(PortalCookies.session))
        }
        return response
    }
}
