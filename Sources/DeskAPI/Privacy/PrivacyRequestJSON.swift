import DeskCore
import Foundation

/// An email change or erasure request as the API renders it: IDs as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for what is not decided yet; `oldEmail` and `newEmail` only on email
/// change requests.
struct PrivacyRequestJSON: Encodable {
    let id: String
    let status: String
    let contactId: String
    let portalUserId: String
    /// The address change of an email change request (nil for an erasure request: no keys).
    let emails: (old: String, new: String)?
    let requestedTime: String
    let decidedTime: String?
    let decidedById: String?
    let reason: String?
    let modifiedTime: String

    init(_ request: EmailChangeRequest) {
        self.init(id: request.id, status: request.status, contactID: request.contactID,
                  portalUserID: request.portalUserID, emails: (request.oldEmail, request.newEmail),
                  requestedAt: request.requestedAt, decision: request.decision, updatedAt: request.updatedAt)
    }

    init(_ request: ErasureRequest) {
        self.init(id: request.id, status: request.status, contactID: request.contactID,
                  portalUserID: request.portalUserID, emails: nil, requestedAt: request.requestedAt,
                  decision: request.decision, updatedAt: request.updatedAt)
    }

    private init(id: Int64, status: PrivacyRequestStatus, contactID: Int64, portalUserID: Int64,
                 emails: (old: String, new: String)?, requestedAt: Date, decision: PrivacyRequestDecision?,
                 updatedAt: Date) {
        self.id = String(id)
        self.status = status.rawValue
        contactId = String(contactID)
        portalUserId = String(portalUserID)
        self.emails = emails
        requestedTime = APITime.format(requestedAt)
        decidedTime = decision.map { APITime.format($0.decidedAt) }
        decidedById = decision.map { String($0.decidedBy) }
        reason = decision?.reason
        modifiedTime = APITime.format(updatedAt)
    }

    private enum Key: String, CodingKey {
        case id, status, contactId, portalUserId, oldEmail, newEmail, requestedTime, decidedTime, decidedById, reason,
             modifiedTime
    }

    /// Writes `null` for what is not decided yet, so every item has every key of its kind.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(contactId, forKey: .contactId)
        try container.encode(portalUserId, forKey: .portalUserId)
        if let emails {
            try container.encode(emails.old, forKey: .oldEmail)
            try container.encode(emails.new, forKey: .newEmail)
        }
        try container.encode(requestedTime, forKey: .requestedTime)
        try container.encode(decidedTime, forKey: .decidedTime)
        try container.encode(decidedById, forKey: .decidedById)
        try container.encode(reason, forKey: .reason)
        try container.encode(modifiedTime, forKey: .modifiedTime)
    }
}
