@testable import DeskHTTP
import Foundation
import Testing

@Suite struct JSONDecodingTests {
    struct Contact: Decodable, Equatable {
        var email: String
        var age: Int?
    }

    struct NewTicket: Decodable, Equatable {
        var subject: String
        var priority: Int
        var contact: Contact
        var tags: [String]
        var dueDate: Date?
    }

    func request(_ json: String, contentType: String? = "application/json", limits: HTTPLimits = HTTPLimits()) -> HTTPRequest {
        var headers = HTTPHeaders()
        if let contentType { headers["Content-Type"] = contentType }
        return HTTPRequest(method: .post, path: "/api/v1/tickets", headers: headers, body: Array(json.utf8), limits: limits)
    }

    func decodingError(_ json: String, contentType: String? = "application/json", limits: HTTPLimits = HTTPLimits()) -> HTTPError? {
        httpError { _ = try request(json, contentType: contentType, limits: limits).decodeJSON(NewTicket.self) }
    }

    @Test func decodesValidJSON() throws {
        let ticket = try request(#"{"subject":"Printer","priority":2,"contact":{"email":"a@example.com"},"tags":["x"],"dueDate":"2025-01-02T03:04:05Z"}"#,
                                 contentType: "application/json; charset=utf-8").decodeJSON(NewTicket.self)
        #expect(ticket.subject == "Printer")
        #expect(ticket.dueDate == Date(timeIntervalSince1970: 1_735_787_045))
    }

    @Test(arguments: [nil, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])
    func wrongContentTypeIs415(contentType: String?) {
        let error = decodingError("{}", contentType: contentType)
        #expect(error?.status == .unsupportedMediaType)
        #expect(error?.errorCode == "UNSUPPORTED_MEDIA_TYPE")
    }

    @Test func vendorJSONTypesAreAccepted() {
        #expect(decodingError("{}", contentType: "application/merge-patch+json")?.status == .unprocessableEntity)
    }

    @Test(arguments: ["", "{", "{\"subject\":}", "not json", "{\"a\" 1}", "\u{FEFF}{]"])
    func malformedJSONIs400(body: String) {
        let error = decodingError(body)
        #expect(error?.status == .badRequest)
        #expect(error?.errorCode == "INVALID_DATA")
        #expect(error?.fieldErrors.isEmpty == true)
    }

    @Test func missingKeyNamesPointer() {
        let error = decodingError(#"{"subject":"s","priority":1,"contact":{},"tags":[]}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.errorCode == "INVALID_DATA")
        #expect(error?.fieldErrors == [FieldError(fieldName: "/contact/email", errorType: "missing", errorMessage: "The field is required.")])
    }

    @Test func typeMismatchNamesPointerWithIndex() {
        let error = decodingError(#"{"subject":"s","priority":1,"contact":{"email":"e"},"tags":["a",2]}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.fieldErrors.first?.fieldName == "/tags/1")
        #expect(error?.fieldErrors.first?.errorType == "invalid")
        #expect(error?.fieldErrors.first?.errorMessage == "Expected a string.")
    }

    @Test func nullWhereValueRequired() {
        let error = decodingError(#"{"subject":null,"priority":1,"contact":{"email":"e"},"tags":[]}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.fieldErrors.first?.fieldName == "/subject")
    }

    @Test func wrongTopLevelShapeIs422() {
        let error = decodingError("[1,2]")
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.fieldErrors.first?.fieldName == "")
    }

    @Test func invalidDateIs422() {
        let error = decodingError(#"{"subject":"s","priority":1,"contact":{"email":"e"},"tags":[],"dueDate":"tomorrow"}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.fieldErrors.first?.fieldName == "/dueDate")
        #expect(error?.fieldErrors.first?.errorMessage == "Expected an ISO 8601 date.")
    }

    @Test func fractionalSecondsAndOffsetsAreAccepted() throws {
        let ticket = try request(#"{"subject":"s","priority":1,"contact":{"email":"e"},"tags":[],"dueDate":"2025-01-02T05:04:05.250+02:00"}"#)
            .decodeJSON(NewTicket.self)
        #expect(ticket.dueDate == Date(timeIntervalSince1970: 1_735_787_045.25))
    }

    @Test func pointerEscapesSlashAndTilde() {
        struct Odd: Decodable { var value: Int; enum CodingKeys: String, CodingKey { case value = "a/b~c" } }
        let error = httpError { _ = try request(#"{"a/b~c":"x"}"#).decodeJSON(Odd.self) }
        #expect(error?.fieldErrors.first?.fieldName == "/a~1b~0c")
    }

    @Test func jsonLimit() {
        let error = decodingError(#"{"subject":"0123456789"}"#, limits: HTTPLimits(maxJSONBytes: 10))
        #expect(error?.status == .payloadTooLarge)
    }

    @Test func httpErrorFromInitPassesThrough() {
        struct Validated: Decodable {
            init(from decoder: any Decoder) throws { throw HTTPError.invalidData("custom") }
        }
        #expect(httpError { _ = try request("{}").decodeJSON(Validated.self) }?.message == "custom")
    }
}

@Suite struct FormDecodingTests {
    @Test func parsesForm() throws {
        let request = HTTPRequest(method: .post, path: "/portal/x/login",
                                  headers: ["Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"],
                                  body: Array("email=a%40example.com&password=p+w%26rd&remember".utf8))
        let form = try request.form()
        #expect(form["email"] == "a@example.com")
        #expect(form["password"] == "p w&rd")
        #expect(form["remember"] == "")
    }

    @Test func wrongContentTypeAndTooManyFields() {
        let json = HTTPRequest(method: .post, path: "/", headers: ["Content-Type": "application/json"], body: [])
        #expect(httpError { _ = try json.form() }?.status == .unsupportedMediaType)
        let many = HTTPRequest(method: .post, path: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                               body: Array("a=1&b=2&c=3".utf8), limits: HTTPLimits(maxFormFields: 2))
        #expect(httpError { _ = try many.form() }?.status == .payloadTooLarge)
    }
}
