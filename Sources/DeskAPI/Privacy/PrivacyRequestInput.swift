import DeskCore
import DeskHTTP

/// Reads the queue's query parameters and the decision body.
enum PrivacyRequestInput {
    /// `status` (pending, approved, rejected; absent: all) and `from`/`limit`; bad values → 422 naming the
    /// parameter.
    static func listQuery(_ request: HTTPRequest) throws -> (PrivacyRequestFilter, Page) {
        let reader = QueryReader(query: request.query)
        let status = try reader.enumValue("status", PrivacyRequestStatus.self,
                                          allowed: PrivacyRequestStatus.allCases.map(\.rawValue))
        return (PrivacyRequestFilter(status: status), try reader.page())
    }

    /// The optional `{"reason":"…"}` of approve and reject: an empty body means no reason; any other field,
    /// a non-string or an over-long reason → 422 `INVALID_DATA`.
    static func reason(_ request: HTTPRequest) throws -> String? {
        guard request.body.contains(where: { !($0 == 32 || (9...13).contains($0)) }) else { return nil }
        let body = try JSONBody(request, allowed: ["reason"])
        let reason = body.string("reason", maxLength: PrivacyRequestDecision.maxReason)
        try body.finish()
        return reason ?? nil
    }
}
