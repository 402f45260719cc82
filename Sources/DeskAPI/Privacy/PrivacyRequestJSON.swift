import DeskCore

/// An email change request as the API renders it: IDs as strings, times as `yyyy-MM-ddTHH:mm:ss.SSSZ`,
/// `null` for what is not decided yet.
struct EmailChangeRequestJSON: Encodable {
    let id: String
    let status: String
    let contactId: String
    let portalUserId: String
    let oldEmail: String
    let newEmail: String
    let requestedTime: String
    let decidedTime: String?
    let decidedById: String?
    let reason: String?
    let modifiedTime: String

    init(_ request: EmailChangeRequest) {
        id = String(request.id)
        status = request.status.rawValue
        contactId = String(request.contactID)
        portalUserId = String(request.portalUserID)
        oldEmail = request.oldEmail
        newEmail = request.newEmail
        requestedTime = APITime.format(request.requestedAt)
        decidedTime = request.decision.map { APITime.format($0.decidedAt) }
        decidedById = request.decision.map { String($0.decidedBy) }
        reason = request.decision?.reason
        modifiedTime = APITime.format(request.updatedAt)
    }

    private enum Key: String, CodingKey {
        case id, status, contactId, portalUserId, oldEmail, newEmail, requestedTime, decidedTime, decidedById, reason,
             modifiedTime
    }

    /// Writes `null` for what is not decided yet, so every item has every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(contactId, forKey: .contactId)
        try container.encode(portalUserId, forKey: .portalUserId)
        try container.encode(oldEmail, forKey: .oldEmail)
        try container.encode(newEmail, forKey: .newEmail)
        try container.encode(requestedTime, forKey: .requestedTime)
        try container.encode(decidedTime, forKey: .decidedTime)
        try container.encode(decidedById, forKey: .decidedById)
        try container.encode(reason, forKey: .reason)
        try container.encode(modifiedTime, forKey: .modifiedTime)
    }
}

/// An erasure request as the API renders it.
struct ErasureRequestJSON: Encodable {
    let id: String
    let status: String
    let contactId: String
    let portalUserId: String
    let requestedTime: String
    let decidedTime: String?
    let decidedById: String?
    let reason: String?
    let modifiedTime: String

    init(_ request: ErasureRequest) {
        id = String(request.id)
        status = request.status.rawValue
        contactId = String(request.contactID)
        portalUserId = String(request.portalUserID)
        requestedTime = APITime.format(request.requestedAt)
        decidedTime = request.decision.map { APITime.format($0.decidedAt) }
        decidedById = request.decision.map { String($0.decidedBy) }
        reason = request.decision?.reason
        modifiedTime = APITime.format(request.updatedAt)
    }

    private enum Key: String, CodingKey {
        case id, status, contactId, portalUserId, requestedTime, decidedTime, decidedById, reason, modifiedTime
    }

    /// Writes `null` for what is not decided yet, so every item has every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(contactId, forKey: .contactId)
        try container.encode(portalUserId, forKey: .portalUserId)
        try container.encode(requestedTime, forKey: .requestedTime)
        try container.encode(decidedTime, forKey: .decidedTime)
        try container.encode(decidedById, forKey: .decidedById)
        try container.encode(reason, forKey: .reason)
        try container.encode(modifiedTime, forKey: .modifiedTime)
    }
}
