import DeskHTTP
import Testing

@Suite("RouteBodyLimit")
struct RouteBodyLimitTests {
    static let limits: HTTPLimits = {
        var limits = HTTPLimits(maxBodyBytes: 1000)
        limits.routeBodyLimits = [
            RouteBodyLimit(method: .post, pattern: "/api/v1/tickets/{id}/attachments", maxBytes: 5000,
                           errorCode: "RESOURCE_SIZE_EXCEEDED"),
            RouteBodyLimit(method: .post, pattern: "/api/v1/uploads", maxBytes: 5000),
        ]
        return limits
    }()

    @Test("A route's limit applies to its method and pattern only; everything else keeps maxBodyBytes")
    func matching() {
        let limits = Self.limits
        #expect(limits.maxBodyBytes(.post, "/api/v1/tickets/42/attachments") == 5000)
        #expect(limits.routeBodyLimit(.post, "/api/v1/tickets/42/attachments")?.errorCode == "RESOURCE_SIZE_EXCEEDED")
        #expect(limits.maxBodyBytes(.post, "/api/v1/uploads") == 5000)
        #expect(limits.routeBodyLimit(.post, "/api/v1/uploads")?.errorCode == "PAYLOAD_TOO_LARGE")
        for (method, path) in [(HTTPMethod.get, "/api/v1/tickets/42/attachments"), (.post, "/api/v1/tickets//attachments"),
                               (.post, "/api/v1/tickets/42/attachments/"), (.post, "/api/v1/tickets/42"),
                               (.post, "/api/v1/tickets/42/attachments/7"), (.put, "/api/v1/uploads"),
                               (.post, "/api/v1/uploads/x"), (.post, "/api/v1/tickets")] {
            #expect(limits.maxBodyBytes(method, path) == 1000, "\(method) \(path)")
        }
    }
}
