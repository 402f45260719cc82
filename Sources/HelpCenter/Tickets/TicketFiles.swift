import DeskCore
import DeskHTTP

/// The files of a ticket form (`attachments`, several) as attachment files, and the size limits around them.
enum TicketFiles {
    /// The body limit of the ticket, reply and comment forms: the configured file size limit plus room
    /// for the other fields. All files of one form together must fit in it; nginx's
    /// `client_max_body_size` for `/portal/` must allow it. Uses the default `[attachments] max_bytes`
    /// (the route limits are fixed when the routes are registered).
    static var maxBodyBytes: Int { AttachmentsConfig().maxBodyBytes }

    /// The files the user chose (empty file inputs skipped), in order.
    static func files(_ form: PortalForm) -> [AttachmentFile] {
        form.files(named: "attachments").map {
            AttachmentFile(fileName: $0.filename, contentType: $0.contentType, bytes: $0.body, isPublic: true)
        }
    }

    /// A byte count for people: "512 B", "12 KB", "3.4 MB".
    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 1023) / 1024) KB" }
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
