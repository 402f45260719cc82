import DeskHTTP

/// The parameters of a token request: the query string and, for an `application/x-www-form-urlencoded`
/// body, the form fields, as Zoho's accounts server accepts both. A parameter given more than once (in
/// either place) is refused (RFC 6749 §3.2), as is a body of another type.
struct OAuthParameters {
    private let values: [String: String]

    init(_ request: HTTPRequest) throws {
        var pairs = Array(request.query)
        if !request.body.isEmpty {
            guard request.contentType?.value == "application/x-www-form-urlencoded" else {
                throw OAuthFailure.invalidRequest("Send the parameters in the query string or as an application/x-www-form-urlencoded body.")
            }
            pairs += Array(try request.form())
        }
        var values: [String: String] = [:]
        for (name, value) in pairs {
            guard values[name] == nil else { throw OAuthFailure.invalidRequest("The parameter \(name) is given more than once.") }
            values[name] = value
        }
        self.values = values
    }

    /// The parameter's value, or nil when absent or empty.
    subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// The parameter's value, or `invalid_request` naming it.
    func required(_ name: String) throws -> String {
        guard let value = self[name] else { throw OAuthFailure.invalidRequest("The parameter \(name) is required.") }
        return value
    }

    /// The org of `soid=Desk.<orgId>`, nil when absent; `invalid_request` when malformed.
    func serviceOrgID() throws -> Int64? {
        guard let soid = self["soid"] else { return nil }
        guard soid.hasPrefix("Desk."), let id = Int64(soid.dropFirst(5)), id > 0 else {
            throw OAuthFailure.invalidRequest("soid must be Desk.<orgId>.")
        }
        return id
    }
}
