import DeskCore
import DeskHTTP

extension PrivacyRequestRefusal {
    /// The API's answer: 409 `REQUEST_ALREADY_DECIDED` (a decision is final), 409 `EMAIL_TAKEN`, 409
    /// `REQUEST_PENDING`.
    var httpError: HTTPError {
        switch self {
        case .alreadyDecided(let status):
            HTTPError(status: .conflict, errorCode: "REQUEST_ALREADY_DECIDED",
                      message: "The request has already been \(status.rawValue); a decision cannot be changed.")
        case .emailTaken:
            HTTPError(status: .conflict, errorCode: "EMAIL_TAKEN",
                      message: "Another account of the organization uses the requested email address.")
        case .pendingExists:
            HTTPError(status: .conflict, errorCode: "REQUEST_PENDING",
                      message: "A request of this kind is already pending.")
        }
    }

    /// `handler` with refusals answered by ``httpError``.
    static func answering(_ handler: @escaping @Sendable (AgentRequest) throws -> HTTPResponse)
        -> @Sendable (AgentRequest) throws -> HTTPResponse {
        return { request in
            do {
                return try handler(request)
            } catch let refusal as PrivacyRequestRefusal {
                throw refusal.httpError
            }
        }
    }
}
