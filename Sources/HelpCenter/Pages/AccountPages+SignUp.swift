import DeskCore
import DeskHTTP

extension AccountPages {
    /// `GET signup`: the form (`#signup-form`: name, email, password).
    func signUpForm(_ request: PortalRequest) throws -> HTTPResponse {
        if request.user != nil { return request.redirect(to: "tickets") }
        return request.render("signup", title: request.t("account.signUpTitle"))
    }

    /// `POST signup`: creates the contact (or links the org's contact with this email) and the account,
    /// and emails a verification link; an email that already has an account gets an email saying so
    /// instead. Both answer with the same page (no account enumeration).
    func signUp(_ request: PortalRequest) throws -> HTTPResponse {
        let name = request.form.trimmed("name")
        let email = PortalUser.normalize(email: request.form["email"] ?? "")
        let password = request.form["password"] ?? ""
        var errors: [String: String] = [:]
        if let error = AccountForms.nameError(name) { errors["name"] = request.t(error) }
        if let error = AccountForms.emailError(email) { errors["email"] = request.t(error) }
        if let error = AccountForms.newPasswordError(password, config: request.site.portal) {
            errors["password"] = request.t(error, ["min": String(request.site.portal.minPasswordLength)])
        }
        guard errors.isEmpty else { return renderSignUp(request, name: name, email: email, errors: errors) }

        let hash = try PasswordHasher.standard.hash(password)
        let signUp = PortalSignUp(name: name, email: email, passwordHash: hash, language: request.language)
        let lifetime = request.site.portal.verificationTokenSeconds
        do {
            try request.store.write(.system(request.org.id, requestID: request.http.requestID)) { tx in
                switch try tx.signUpEndUser(signUp) {
                case .created(let user, _):
                    let token = try tx.createPortalToken(for: user, purpose: .verify, lifetimeSeconds: lifetime)
                    let link = AccountForms.link(request, "verify?token=\(token)")
                    try tx.enqueueEmail(to: user.email, subject: request.t("account.verifyEmailSubject", ["org": request.org.name]),
                                        body: request.t("account.verifyEmailBody", ["org": request.org.name, "link": link,
                                                                                    "hours": String(lifetime / 3600)]))
                case .alreadyRegistered(let user):
                    try tx.enqueueEmail(to: user.email, subject: request.t("account.existingEmailSubject", ["org": request.org.name]),
                                        body: request.t("account.existingEmailBody", [
                                            "org": request.org.name, "signin": AccountForms.link(request, "signin"),
                                            "reset": AccountForms.link(request, "password/forgot"),
                                        ]))
                }
            }
        } catch StoreError.invalid(let field, _) where field == "email" || field == "name" {
            let key = field == "email" ? "account.errorEmailInvalid" : "account.errorNameRequired"
            return renderSignUp(request, name: name, email: email, errors: [field: request.t(key)])
        } catch StoreError.conflict {
            // A concurrent sign-up with the same email won: answer as for any other sign-up.
        }
        return request.redirect(to: "signup/sent")
    }

    /// `GET signup/sent`: "check your inbox", whatever happened.
    func signUpSent(_ request: PortalRequest) throws -> HTTPResponse {
        request.render("message", title: request.t("account.signUpSentTitle"),
                       values: ["heading": request.t("account.signUpSentTitle"), "text": request.t("account.signUpSentText")])
    }

    /// `GET verify?token=`: confirms the email address.
    func verify(_ request: PortalRequest) throws -> HTTPResponse {
        let token = request.http.query["token"] ?? ""
        let user = try request.store.write(.system(request.org.id, requestID: request.http.requestID)) { tx in
            try tx.verifyPortalEmail(token: token)
        }
        guard user != nil else {
            return request.render("message", title: request.t("account.verifyFailedTitle"), values: [
                "heading": request.t("account.verifyFailedTitle"), "text": request.t("account.verifyFailedText"),
            ], status: .badRequest)
        }
        return request.render("message", title: request.t("account.verifiedTitle"), values: [
            "heading": request.t("account.verifiedTitle"), "text": request.t("account.verifiedText"),
            "link": request.path("signin"), "linkText": request.t("account.signInLink"),
        ])
    }

    private func renderSignUp(_ request: PortalRequest, name: String, email: String, errors: [String: String]) -> HTTPResponse {
        request.render("signup", title: request.t("account.signUpTitle"), values: [
            "name": name, "email": email, "errors": errors, "hasErrors": true,
        ], status: .badRequest)
    }
}
