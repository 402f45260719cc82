@testable import DeskAPI
import DeskCore
import DeskHTTP
import Testing

/// The request-level field permission check alone (no server): which bodies and query parameters it
/// refuses, with which pointers, and that administrators and unrestricted agents are never checked.
@Suite("Field permission guard")
struct FieldPermissionGuardTests {
    private static func access(_ fields: [AccessModule: [String: FieldAccess]], admin: Bool = false) -> AgentAccess {
        AgentAccess(profileID: admin ? 1 : 7, roleID: 1, permissions: .everything, isAdministrator: admin,
                    visibility: AgentAccess.everything.visibility, fields: fields)
    }

    private let restricted = Self.access([
        .tickets: ["email": .hidden, "priority": .readOnly, "dueDate": .hidden, "cf_secret": .hidden, "cf_ro": .readOnly],
        .contacts: ["lastName": .hidden],
    ])

    private func request(_ method: HTTPMethod, _ uri: String, pattern: String, body: String = "") throws -> HTTPRequest {
        var request = try HTTPRequest(method: method, uri: uri, body: Array(body.utf8))
        request.routePattern = pattern
        return request
    }

    private func refusals(_ access: AgentAccess, _ request: HTTPRequest) -> [String]? {
        do {
            try FieldPermissionGuard.check(access, request)
            return nil
        } catch let error as HTTPError {
            #expect(error.status == .forbidden && error.errorCode == "FIELD_PERMISSION_DENIED")
            return error.fieldErrors.map { "\($0.fieldName) \($0.errorType)" }
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("writes naming read-only or hidden fields, top-level and in cf, are refused together")
    func writes() throws {
        let patch = try request(.patch, "/api/v1/tickets/5", pattern: "/api/v1/tickets/{id}",
                                body: #"{"subject":"x","priority":"Low","email":null,"cf":{"cf_ro":"1","cf_ok":"2","cf_secret":"3"}}"#)
        #expect(refusals(restricted, patch) == ["/email hidden", "/priority readOnly", "/cf/cf_ro readOnly",
                                                "/cf/cf_secret hidden"])
        let create = try request(.post, "/api/v1/tickets", pattern: "/api/v1/tickets", body: #"{"subject":"x"}"#)
        #expect(refusals(restricted, create) == nil)
        let contact = try request(.post, "/api/v1/contacts", pattern: "/api/v1/contacts", body: #"{"lastName":"x"}"#)
        #expect(refusals(restricted, contact) == ["/lastName hidden"])
        // A body that is not a JSON object is the handler's to refuse (422/400).
        let broken = try request(.patch, "/api/v1/tickets/5", pattern: "/api/v1/tickets/{id}", body: #"{"email":"#)
        #expect(refusals(restricted, broken) == nil)
        // Administrators and agents without settings are not checked.
        #expect(refusals(Self.access(restricted.fields, admin: true), patch) == nil)
        #expect(refusals(Self.access([:]), patch) == nil)
        // Other routes are not concerned.
        let reply = try request(.post, "/api/v1/tickets/5/sendReply", pattern: "/api/v1/tickets/{id}/sendReply",
                                body: #"{"email":"x"}"#)
        #expect(refusals(restricted, reply) == nil)
    }

    @Test("filters, sorts and searches on hidden fields are refused, naming the parameter")
    func reads() throws {
        #expect(refusals(restricted, try request(.get, "/api/v1/tickets?sortBy=-dueDate", pattern: "/api/v1/tickets"))
                == ["/sortBy hidden"])
        #expect(refusals(restricted, try request(.get, "/api/v1/tickets?priority=Low&sortBy=createdTime",
                                                 pattern: "/api/v1/tickets")) == nil)
        #expect(refusals(restricted, try request(.get, "/api/v1/tickets/search?_all=a&email=b",
                                                 pattern: "/api/v1/tickets/search")) == ["/_all hidden", "/email hidden"])
        #expect(refusals(restricted, try request(.head, "/api/v1/ticketsCount?sortBy=dueDate",
                                                 pattern: "/api/v1/ticketsCount")) == ["/sortBy hidden"])
        #expect(refusals(restricted, try request(.get, "/api/v1/contacts/search?searchStr=a",
                                                 pattern: "/api/v1/contacts/search")) == ["/searchStr hidden"])
        #expect(refusals(restricted, try request(.get, "/api/v1/accounts/search?searchStr=a",
                                                 pattern: "/api/v1/accounts/search")) == nil)
    }

    @Test("the handler runs with the agent's mask, and with none for administrators")
    func mask() throws {
        let get = try request(.get, "/api/v1/tickets/5", pattern: "/api/v1/tickets/{id}")
        var seen: FieldMask?
        _ = try FieldPermissionGuard.run(restricted, get) {
            seen = FieldMask.current
            return HTTPResponse.empty()
        }
        #expect(seen?.hidden(.tickets) == ["email", "dueDate", "cf_secret"])
        #expect(seen?.hidden(.contacts) == ["lastName"] && seen?.hidden(.accounts) == [])
        _ = try FieldPermissionGuard.run(Self.access(restricted.fields, admin: true), get) {
            seen = FieldMask.current
            return HTTPResponse.empty()
        }
        #expect(seen == FieldMask.none)
    }

    @Test("a refusal of the write path itself becomes 403 FIELD_PERMISSION_DENIED naming /cf/<api name>")
    func writePathRefusal() throws {
        let post = try request(.post, "/api/v1/somewhere", pattern: "/api/v1/somewhere", body: "{}")
        let denied = FieldPermissionDenied(module: .tickets, refusals: [.init(field: "cf_ro", access: .readOnly)])
        #expect(throws: HTTPError(status: .forbidden, errorCode: "FIELD_PERMISSION_DENIED",
                                  message: "Your profile does not permit this use of the named fields.",
                                  fieldErrors: [FieldError(fieldName: "/cf/cf_ro", errorType: "readOnly",
                                                           errorMessage: "The field is read-only for your profile.")])) {
            _ = try FieldPermissionGuard.run(restricted, post) { throw denied }
        }
    }
}
