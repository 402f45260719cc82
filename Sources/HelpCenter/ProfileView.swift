import DeskCore
import DeskHTTP
import Foundation

/// The My Info page (`profile.mustache`): the user's contact fields and account settings, the form to save
/// them, the read-only email with the email change form and the state of the latest change request, and
/// the other details agents keep about the user (read-only).
struct ProfileView {
    let request: PortalRequest
    let user: PortalUser

    /// Renders the page; `values` and `errors` re-show a refused form, `emailChangeValue` and
    /// `emailChangeError` a refused email change.
    func render(values: EndUserProfileChanges? = nil, errors: [String: String] = [:], emailChangeValue: String = "",
                emailChangeError: String? = nil, notice: String? = nil, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let org = request.org.id
        guard let contact = try request.store.contact(user.contactID, for: .system(org)) else { throw StoreError.notFound }
        let shown = values ?? EndUserProfileChanges(firstName: contact.firstName, lastName: contact.lastName,
                                                    phone: contact.phone, mobile: contact.mobile,
                                                    language: user.language, timeZone: user.timeZone)
        var page: [String: Any] = [
            "firstName": shown.firstName ?? "", "lastName": shown.lastName, "phone": shown.phone ?? "",
            "mobile": shown.mobile ?? "", "email": user.email,
            "createdAt": request.formatDate(user.createdAt),
            "languageOptions": [["code": "", "name": request.t("profile.languageAuto"), "selected": shown.language == nil]]
                + Language.supported.map { code -> [String: Any] in
                    ["code": code, "name": request.site.catalogs(code).text("common.languageName"),
                     "selected": shown.language == code]
                },
            "timeZoneOptions": ([["id": "", "name": request.t("profile.timeZoneDefault"), "selected": shown.timeZone == nil]]
                as [[String: Any]]) + TimeZone.knownTimeZoneIdentifiers.sorted().map { id -> [String: Any] in
                    ["id": id, "name": id, "selected": shown.timeZone == id]
                },
            "errors": errors, "hasErrors": !errors.isEmpty,
            "emailChangeValue": emailChangeValue,
        ]
        if let emailChangeError { page["emailChangeError"] = emailChangeError }
        if let notice { page["notice"] = notice }
        if let latest = try request.store.latestEmailChangeRequest(portalUser: user.id, in: org) {
            page["emailChange"] = emailChangeState(latest)
        }
        let details = try otherDetails(contact)
        page["otherDetails"] = details
        page["hasOtherDetails"] = !details.isEmpty
        return request.render("profile", title: request.t("profile.title"), values: page, status: status)
    }

    /// What the page says about the latest request: pending, or rejected (with the reason); an approved
    /// one shows in the email field itself.
    private func emailChangeState(_ latest: EmailChangeRequest) -> [String: Any] {
        let arguments = ["email": latest.newEmail, "date": request.formatDate(latest.requestedAt)]
        switch latest.status {
        case .pending:
            return ["pending": true, "text": request.t("profile.emailChange.pending", arguments)]
        case .rejected:
            var state: [String: Any] = ["rejected": true, "text": request.t("profile.emailChange.rejected", arguments)]
            if let reason = latest.decision?.reason { state["reason"] = reason }
            return state
        case .approved:
            return ["approved": true, "text": request.t("profile.emailChange.approved", arguments)]
        }
    }

    /// The other personal details agents keep on the contact (read-only here): the company, the notes and
    /// the custom field values that are set.
    private func otherDetails(_ contact: Contact) throws -> [[String: String]] {
        var details: [[String: String]] = []
        if let accountID = contact.accountID,
           let account = try request.store.account(accountID, for: .system(request.org.id)) {
            details.append(["label": request.t("profile.company"), "value": account.accountName])
        }
        if let description = contact.description, !description.isEmpty {
            details.append(["label": request.t("profile.notes"), "value": description])
        }
        for (name, value) in contact.cf.all {
            guard let value, !value.isEmpty else { continue }
            details.append(["label": name, "value": value])
        }
        return details
    }

    /// The localized message of a problem.
    static func message(_ problem: EndUserProfileProblem, _ request: PortalRequest) -> String {
        switch problem {
        case .required: request.t("profile.error.required")
        case .tooLong(let max): request.t("profile.error.tooLong", ["max": String(max)])
        case .unknownLanguage: request.t("profile.error.language")
        case .unknownTimeZone: request.t("profile.error.timeZone")
        }
    }
}
