import DeskCore
import DeskHTTP

/// `GET/POST tickets/new`: the new-ticket form (`#ticket-form`, multipart: `subject`, `description`,
/// `departmentId`, `attachments`). A problem re-renders the form with the message next to its field and
/// the typed values kept (files must be chosen again); a file over the size limit answers 413 with the
/// form; nothing is written then. Success goes to the new ticket's page (303).
enum TicketFormPage {
    static func show(_ request: PortalRequest) throws -> HTTPResponse {
        _ = try request.ticketOwner()
        return try render(request, subject: "", description: "", departmentID: nil, errors: [:], status: .ok)
    }

    static func submit(_ request: PortalRequest) throws -> HTTPResponse {
        _ = try request.ticketOwner()
        let subject = request.form.trimmed("subject")
        let description = request.form["description"] ?? ""
        let departmentText = request.form.trimmed("departmentId")
        let departmentID = departmentText.isEmpty ? nil : Int64(departmentText)
        var errors: [String: String] = [:]
        if subject.isEmpty {
            errors["subject"] = request.t("tickets.errorSubjectRequired")
        } else if subject.count > 255 {
            errors["subject"] = request.t("tickets.errorSubjectTooLong")
        }
        if description.count > 65_535 { errors["description"] = request.t("tickets.errorDescriptionTooLong") }
        if !departmentText.isEmpty && departmentID == nil { errors["departmentId"] = request.t("tickets.errorDepartment") }
        let files = TicketFiles.files(request.form)
        guard errors.isEmpty else {
            return try render(request, subject: subject, description: description, departmentID: departmentID,
                              errors: errors, status: .badRequest)
        }
        let draft = PortalTicketDraft(subject: subject, description: description, departmentID: departmentID, files: files)
        do {
            let ticket = try request.store.write(request.actor) { tx in
                try tx.submitPortalTicket(draft, limits: request.ticketAttachmentLimits)
            }
            return request.redirect(to: "tickets/\(ticket.id)")
        } catch {
            guard let formError = TicketFormError(error, request) else { throw error }
            return try render(request, subject: subject, description: description, departmentID: departmentID,
                              errors: [formError.field: formError.message], status: formError.status)
        }
    }

    /// The form with `errors` by field name (`subject`, `description`, `departmentId`, `attachments`).
    private static func render(_ request: PortalRequest, subject: String, description: String, departmentID: Int64?,
                               errors: [String: String], status: HTTPStatus) throws -> HTTPResponse {
        let departments = try request.store.portalTicketDepartments(in: request.org.id)
        let maxSize = TicketFiles.size(Int64(request.site.config.attachments.maxBytes))
        var values: [String: Any] = [
            "subject": subject,
            "description": description,
            "hasDepartments": !departments.isEmpty,
            "departments": departments.map { department in
                ["id": String(department.id), "name": department.name, "selected": department.id == departmentID] as [String: Any]
            },
            "attachmentsHelp": request.t("tickets.attachmentsHelp", ["size": maxSize,
                                                                     "count": String(PortalAttachmentLimits.maxFiles)]),
            "hasErrors": !errors.isEmpty,
        ]
        for (field, key) in [("subject", "subjectError"), ("description", "descriptionError"),
                             ("departmentId", "departmentError"), ("attachments", "attachmentsError")] {
            if let message = errors[field] { values[key] = message }
        }
        return request.render("tickets-new", title: request.t("tickets.newTitle"), values: values, status: status)
    }
}

/// A refusal of the store shown next to a form field: the field, its message and the page's status.
struct TicketFormError {
    let field: String
    let message: String
    let status: HTTPStatus

    /// The form error for an intended refusal of an end-user ticket write, or nil for anything else.
    init?(_ error: any Error, _ request: PortalRequest) {
        if let tooLarge = error as? PortalAttachmentTooLarge {
            field = "attachments"
            message = request.t("tickets.errorFileTooLarge", ["size": TicketFiles.size(Int64(tooLarge.maxFileBytes))])
            status = .payloadTooLarge
            return
        }
        guard case StoreError.invalid(let name, let reason) = error else { return nil }
        let tooLong = reason.hasPrefix("must be at most")
        field = name
        status = .badRequest
        switch name {
        case "subject": message = request.t(tooLong ? "tickets.errorSubjectTooLong" : "tickets.errorSubjectRequired")
        case "description": message = request.t("tickets.errorDescriptionTooLong")
        case "departmentId": message = request.t("tickets.errorDepartment")
        case "attachments": message = request.t("tickets.errorTooManyFiles", ["count": String(PortalAttachmentLimits.maxFiles)])
        case "content": message = request.t(tooLong ? "tickets.errorContentTooLong" : "tickets.errorContentRequired")
        default: return nil
        }
    }
}
