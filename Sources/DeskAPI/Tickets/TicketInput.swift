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
        if !body.has("subject") { body.fail("subject", "missing", "The field is required.") }
        let read = readFields(of: body, request)
        try body.finish()

        var draft = TicketDraft(subject: read.subject ?? "")
        draft.description = read.description ?? nil
        if let status = read.status { draft.status = status }
        draft.priority = read.priority ?? nil
        if let channel = read.channel { draft.channel = channel }
        draft.email = read.email ?? nil
        draft.assigneeID = read.assigneeID ?? nil
        draft.dueDate = read.dueDate ?? nil
        draft.classification = read.classification ?? nil
        draft.category = read.category ?? nil
        draft.departmentID = read.departmentID ?? nil
        draft.contactID = read.contactID ?? nil
        draft.cf = read.cf
        return draft
    }

    /// The changes of `PATCH /api/v1/tickets/{id}`: absent fields stay as they are, `null` clears an
    /// optional field (subject, status and channel cannot be cleared).
    static func changes(from request: HTTPRequest) throws -> TicketChanges {
        let body = try JSONBody(request, allowed: fields)
        let read = readFields(of: body, request)
        try body.finish()
        return read
    }

    /// Every field of a ticket body, as `TicketChanges` holds them (absent → nil, `null` → `.some(nil)`);
    /// a `null` subject, status or channel is recorded as a failure, since those cannot be cleared.
    private static func readFields(of body: JSONBody, _ request: HTTPRequest) -> TicketChanges {
        var read = TicketChanges()
        let subject = body.string("subject", minLength: 1, maxLength: maxSubject)
        if case .some(.none) = subject { body.fail("subject", "invalid", "The subject must not be null.") }
        read.subject = subject ?? nil
        read.description = body.string("description", maxLength: maxDescription)
        let status = body.enumValue("status", TicketStatus.self, allowed: statuses)
        if case .some(.none) = status { body.fail("status", "invalid", "The status must not be null.") }
        read.status = status ?? nil
        read.priority = body.enumValue("priority", TicketPriority.self, allowed: priorities)
        let channel = body.enumValue("channel", TicketChannel.self, allowed: channels)
        if case .some(.none) = channel { body.fail("channel", "invalid", "The channel must not be null.") }
        read.channel = channel ?? nil
        read.email = body.string("email", maxLength: maxEmail)
        read.assigneeID = body.id("assigneeId")
        read.dueDate = body.date("dueDate")
        read.classification = body.enumValue("classification", TicketClassification.self, allowed: classifications)
        read.category = body.string("category", maxLength: maxCategory)
        read.departmentID = body.id("departmentId")
        read.contactID = body.id("contactId")
        read.cf = CustomFieldBody.read(request, body)
        return read
    }
}
