@testable import DeskHTTP
import Testing

@Suite struct ErrorRendererTests {
    let renderer = ErrorRenderer()

    @Test(arguments: ["/api/v1/tickets", "/api", "/oauth/v2/token"])
    func jsonUnderAPIAndOAuth(path: String) {
        let error = HTTPError.invalidData(fieldErrors: [FieldError(fieldName: "/email", errorType: "invalid", errorMessage: "Bad.")])
        let response = renderer.response(for: error, path: path, requestID: "req-1")
        #expect(response.status == .unprocessableEntity)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let object = jsonObject(response)
        #expect(object["errorCode"] as? String == "INVALID_DATA")
        #expect(object["message"] as? String == "An invalid value has been passed.")
        #expect(object["requestId"] as? String == "req-1")
        let errors = object["errors"] as? [[String: String]]
        #expect(errors == [["fieldName": "/email", "errorType": "invalid", "errorMessage": "Bad."]])
    }

    @Test func jsonWithoutFieldErrorsHasNoErrorsKey() {
        let object = jsonObject(renderer.response(for: .notFound(), path: "/api/x", requestID: "r"))
        #expect(object["errors"] == nil)
        #expect(object["errorCode"] as? String == "URL_NOT_FOUND")
    }

    @Test(arguments: ["/", "/portal/acme/tickets", "/apiary", "/oauthx"])
    func htmlElsewhereEscapesEverything(path: String) throws {
        let error = HTTPError(status: .badRequest, errorCode: "X", message: "<script>alert('x')</script> & \"q\"",
                              fieldErrors: [FieldError(fieldName: "<b>", errorType: "invalid", errorMessage: "<i>")])
        let response = renderer.response(for: error, path: path, requestID: "<id>")
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        let html = try #require(response.bodyText)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<id>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(html.contains("<title>400 Bad Request</title>"))
    }

    @Test func formatForcesRendering() {
        #expect(renderer.response(for: .misdirected(host: "x"), path: "/portal", requestID: "r").headers["Content-Type"]
            == "application/json; charset=utf-8")
        var error = HTTPError.forbidden()
        error.format = .html
        #expect(renderer.response(for: error, path: "/api/v1/x", requestID: "r").headers["Content-Type"]
            == "text/html; charset=utf-8")
    }

    @Test func errorHeadersAreKept() {
        let response = renderer.response(for: .methodNotAllowed(allowed: [.get, .head]), path: "/api/x", requestID: "r")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(renderer.response(for: .tooManyRequests(retryAfterSeconds: 30), path: "/", requestID: "r").headers["Retry-After"] == "30")
    }
}
