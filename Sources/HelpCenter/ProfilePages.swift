import DeskCore
import DeskHTTP
import Foundation

/// My Info: `GET/POST /portal/{portal}/profile` (`#profile-form`) shows every personal field deskd holds
/// about the signed-in user and saves the editable ones; the email is read-only there and changes only
/// through `POST profile/email-change` (`#email-change-form`: `newEmail`), a request into the admin queue.
struct ProfilePages: PortalPages {
    func register(on routes: PortalRoutes) {
        routes.get("profile", show)
        routes.post("profile", save)
        routes.post("profile/email-change", requestEmailChange)
    }

    private func show(_ request: PortalRequest) throws -> HTTPResponse {
        let user = try request.requireSignIn()
        var notice: String?
        if request.http.query["saved"] != nil { notice = request.t("profile.saved") }
        if request.http.query["requested"] != nil { notice = request.t("profile.emailChange.requested") }
        return try ProfileView(request: request, user: user).render(notice: notice)
    }

    /// Saves the names, phone numbers, language and time zone. An `email` field in the form is ignored:
    /// the email is not changed here. Problems re-render the form (422) with every message and the values.
    private func save(_ request: PortalRequest) throws -> HTTPResponse {
        let user = try request.requireSignIn()
        let form = request.form
        let changes = EndUserProfileChanges(firstName: form["firstName"], lastName: form["lastName"] ?? "",
                                            phone: form["phone"], mobile: form["mobile"], language: form["language"],
                                            timeZone: form["timeZone"])
        let problems = changes.problems()
        guard problems.isEmpty else {
            return try ProfileView(request: request, user: user)
                .render(values: changes, errors: problems.mapValues { ProfileView.message($0, request) }, status: .unprocessableEntity)
        }
        _ = try request.store.write(request.actor) { tx in try tx.updateOwnProfile(user, changes) }
        return request.redirect(to: "profile?saved=1")
    }

    /// Files the email change request; a refused one re-renders My Info (422) with the message.
    private func requestEmailChange(_ request: PortalRequest) throws -> HTTPResponse {
        let user = try request.requireSignIn()
        let newEmail = request.form.trimmed("newEmail")
        let message: String
        do {
            _ = try request.store.write(request.actor) { tx in
                try tx.requestEmailChange(contact: user.contactID, portalUser: user.id, newEmail: newEmail)
            }
            return request.redirect(to: "profile?requested=1")
        } catch StoreError.invalid(_, let reason) {
            message = reason == "is the current email address" ? request.t("profile.emailChange.sameEmail")
                : newEmail.isEmpty ? request.t("profile.emailChange.required") : request.t("profile.emailChange.invalid")
        } catch PrivacyRequestRefusal.pendingExists {
            message = request.t("profile.emailChange.pendingExists")
        } catch PrivacyRequestRefusal.emailTaken {
            message = request.t("profile.emailChange.unavailable")
        }
        return try ProfileView(request: request, user: user)
            .render(emailChangeValue: newEmail, emailChangeError: message, status: .unprocessableEntity)
    }
}
