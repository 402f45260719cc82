import DeskCore

/// An attachment as the API renders it (Zoho Desk's shape): `id`, `name`, `size` (bytes, as a string),
/// `href` (where its content is downloaded), `isPublic`, `createdTime`, `creator{id}`.
struct AttachmentJSON: Encodable {
    let attachment: Attachment

    private enum Key: String, CodingKey { case id, name, size, href, isPublic, createdTime, creator }
    private struct Creator: Encodable { let id: String }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(attachment.id), forKey: .id)
        try container.encode(attachment.fileName, forKey: .name)
        try container.encode(String(attachment.size), forKey: .size)
        if let ticketID = attachment.ticketID {
            try container.encode("/api/v1/tickets/\(ticketID)/attachments/\(attachment.id)/content", forKey: .href)
        }
        try container.encode(attachment.isPublic, forKey: .isPublic)
        try container.encode(APITime.format(attachment.createdAt), forKey: .createdTime)
        try container.encode(Creator(id: String(attachment.creatorID)), forKey: .creator)
    }
}

/// The answer to `POST /api/v1/uploads` (Zoho Desk's shape): `id`, `name`, `size`, `isPublic`,
/// `createdTime`, `creatorId`, and `expiresTime` — after it, the id can no longer be used in
/// `attachmentIds`.
struct UploadJSON: Encodable {
    let upload: Attachment

    private enum Key: String, CodingKey { case id, name, size, isPublic, createdTime, creatorId, expiresTime }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(upload.id), forKey: .id)
        try container.encode(upload.fileName, forKey: .name)
        try container.encode(String(upload.size), forKey: .size)
        try container.encode(upload.isPublic, forKey: .isPublic)
        try container.encode(APITime.format(upload.createdAt), forKey: .createdTime)
        try container.encode(String(upload.creatorID), forKey: .creatorId)
        if let expiresAt = upload.expiresAt {
            try container.encode(APITime.format(expiresAt), forKey: .expiresTime)
        }
    }
}
