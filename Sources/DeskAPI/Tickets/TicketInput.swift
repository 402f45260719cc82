import DeskCore
import DeskHTTP

/// Reads ticket create and update bodies into a `TicketDraft` or `TicketChanges`, strictly: unknown
/// fields, wrong types, unknown enum values and over-long texts are 422 `INVALID_DATA`, all reported at once.
/// Deeper rules (email syntax, the assignee being an active agent) are DeskCore's, shared with the CLI.
enum TicketInput {
    static let fields: Set<String> = ["subject", "description", "status", "priority", "channel", "email",
                                      "assigneeId", "dueDate", "classification", "category", "departmentId",
                                      "contactId", "cf"]
    static let maxSubject = 255
    static let maxDescription = 65535
    static let maxEmail = 255
    static let maxCategory = 100

    static let statuses = ["Open", "On Hold", "Escalated", "Closed"]
    static let priorities = ["Low", "Medium", "High", "Urgent"]
    static let channels = ["Email", "Phone", "Web", "Chat", "Forums"]
    static let classifications = TicketClassification.allCases.map(\.rawValue)

    /// The draft of `POST /api/v1/tickets`; `subject` is required.
    static func draft(from request: HTTPRequest) throws -> TicketDraft {
        let body = try JSONBody(request, allowed: fields)
        let subject = body.string("subject", minLength: 1, maxLength: maxSubject)
        if !body.has("subject") {
            body.fail("subject", "missing", "The field is required.")
        } else if case .some(.none) = subject {
            body.fail("subject", "invalid", "The subject must not be null.")
        }
        let description = body.string("description", maxLength: maxDescription)
        let status = body.enumValue("status", TicketStatus.self, allowed: statuses)
        if case .some(.none) = status { body.fail("status", "invalid", "The status must not be null.") }
        let priority = body.enumValue("priority", TicketPriority.self, allowed: priorities)
        let channel = body.enumValue("channel", TicketChannel.self, allowed: channels)
        if case .some(.none) = channel { body.fail("channel", "invalid", "The channel must not be null.") }
        let email = body.string("email", maxLength: maxEmail)
        let assignee = body.id("assigneeId")
        let dueDate = body.date("dueDate")
        let classification = body.enumValue("classification", TicketClassification.self, allowed: classifications)
        let category = body.string("category", maxLength: maxCategory)
        let department = body.id("departmentId")
        let contact = body.id("contactId")
        let cf = CustomFieldBody.read(request, body)
        try body.finish()

        var draft = TicketDraft(subject: (subject ?? nil) ?? "")
        draft.description = description ?? nil
        if let status = status ?? nil { draft.status = status }
        draft.priority = priority ?? nil
        if let channel = channel ?? nil { draft.channel = channel }
        draft.email = email ?? nil
        draft.assigneeID = assignee ?? nil
        draft.dueDate = dueDate ?? nil
        draft.classification = classification ?? nil
        draft.category = category ?? nil
        draft.departmentID = department ?? nil
        draft.contactID = contact ?? nil
        draft.cf = cf
        return draft
    }

    /// The changes of `PATCH /api/v1/tickets/{id}`: absent fields stay as they are, `null` clears an
    /// optional field (subject, status and channel cannot be cleared).
    static func changes(from request: HTTPRequest) throws -> TicketChanges {
        let body = try JSONBody(request, allowed: fields)
        let subject = body.string("subject", minLength: 1, maxLength: maxSubject)
        if case .some(.none) = subject { body.fail("subject", "invalid", "The subject must not be null.") }
        let description = body.string("description", maxLength: maxDescription)
        let status = body.enumValue("status", TicketStatus.self, allowed: statuses)
        if case .some(.none) = status { body.fail("status", "invalid", "The status must not be null.") }
        let priority = body.enumValue("priority", TicketPriority.self, allowed: priorities)
        let channel = body.enumValue("channel", TicketChannel.self, allowed: channels)
        if case .some(.none) = channel { body.fail("channel", "invalid", "The channel must not be null.") }
        let email = body.string("email", maxLength: maxEmail)
        let assignee = body.id("assigneeId")
        let dueDate = body.date("dueDate")
        let classification = body.enumValue("classification", TicketClassification.self, allowed: classifications)
        let category = body.string("category", maxLength: maxCategory)
        let department = body.id("departmentId")
        let contact = body.id("contactId")
        let cf = CustomFieldBody.read(request, body)
        try body.finish()

        var changes = TicketChanges()
        changes.subject = subject ?? nil
        changes.description = description
        changes.status = status ?? nil
        changes.priority = priority
        changes.channel = channel ?? nil
        changes.email = email
        changes.assigneeID = assignee
        changes.dueDate = dueDate
        changes.classification = classification
        changes.category = category
        changes.departmentID = department
        changes.contactID = contact
        changes.cf = cf
        return changes
    }
}
