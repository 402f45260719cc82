import DeskCore
import DeskHTTP
import Foundation

/// My data: `GET /portal/{portal}/my-data`; `POST my-data/export` (`#export-form`) answers with a zip of
/// everything the user may see about themselves (``PersonalDataArchive``); `POST my-data/erasure`
/// (`#erasure-form`, checkbox `confirm`) files an erasure request into the admin queue.
struct MyDataPages: PortalPages {
    func register(on routes: PortalRoutes) {
        routes.get("my-data", show)
        routes.post("my-data/export", export)
        routes.post("my-data/erasure", requestErasure)
    }

    private func show(_ request: PortalRequest) throws -> HTTPResponse {
        let user = try request.requireSignIn()
        let notice = request.http.query["erasureRequested"] != nil ? request.t("mydata.erasureRequested") : nil
        return try render(request, user, notice: notice)
    }

    /// The zip download: `Content-Disposition: attachment`, `nosniff`, never cached.
    private func export(_ request: PortalRequest) throws -> HTTPResponse {
        let user = try request.requireSignIn()
        let owner = PortalTicketOwner(orgID: request.org.id, contactID: user.contactID)
        let export = try request.store.personalDataExport(owner: owner, portalUser: user.id)
        let bytes = try PersonalDataArchive.zip(export, store: request.store)
        let day = export.createdAt.formatted(Date.ISO8601FormatStyle().year().month().day())
        var response = HTTPResponse(status: .ok, body: .bytes(bytes))
        response.headers["Content-Type"] = "application/zip"
        response.headers["Content-Disposition"] = "attachment; filename=\"my-data-\(request.org.portal)-\(day).zip\""
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// Needs the `confirm` checkbox; one pending request at a time.
    private func requestErasure(_ request: PortalRequest) throws -> HTTPResponse {
        let user = try request.requireSignIn()
        guard request.form["confirm"] == "yes" else {
            return try render(request, user, erasureError: request.t("mydata.erasureConfirmRequired"), status: .unprocessableEntity)
        }
        do {
            _ = try request.store.write(request.actor) { tx in
                try tx.requestErasure(contact: user.contactID, portalUser: user.id)
            }
        } catch PrivacyRequestRefusal.pendingExists {
            return try render(request, user, erasureError: request.t("mydata.erasurePendingExists"), status: .unprocessableEntity)
        }
        return request.redirect(to: "my-data?erasureRequested=1")
    }

    private func render(_ request: PortalRequest, _ user: PortalUser, notice: String? = nil, erasureError: String? = nil,
                        status: HTTPStatus = .ok) throws -> HTTPResponse {
        var values: [String: Any] = [:]
        if let notice { values["notice"] = notice }
        if let erasureError { values["erasureError"] = erasureError }
        if let latest = try request.store.latestErasureRequest(portalUser: user.id, in: request.org.id) {
            let date = ["date": request.formatDate(latest.requestedAt)]
            var state: [String: Any] = [latest.status.rawValue: true, "text": request.t("mydata.erasure.\(latest.status.rawValue)", date)]
            if let reason = latest.decision?.reason { state["reason"] = reason }
            values["erasure"] = state
            values["erasurePending"] = latest.status == .pending
        }
        return request.render("mydata", title: request.t("mydata.title"), values: values, status: status)
    }
}
