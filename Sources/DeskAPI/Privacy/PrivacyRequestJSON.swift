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
}
