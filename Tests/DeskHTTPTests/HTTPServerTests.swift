@testable import DeskHTTP
import DeskTesting
import Testing

struct DatabaseFailure: Error, CustomStringConvertible {
    var description: String { "MariaDB 1146: SELECT * FROM secret_table WHERE id = ?" }
}

@Suite struct HTTPServerTests {
    func router() -> Router<String> {
        let router = Router<String>()
        router.get("/api/v1/tickets/{id}") { request, context in
            .json(["id": try request.parameters.require("id"), "context": context, "route": request.routePattern ?? "-"])
        }
        router.post("/api/v1/tickets") { request, _ in
            struct Body: Decodable { var subject: String }
            return .json(["subject": try request.decodeJSON(Body.self).subject], status: .created)
        }
        router.get("/boom") { _, _ in throw DatabaseFailure() }
        router.get("/api/boom") { _, _ in throw DatabaseFailure() }
        router.get("/page") { _, _ in .html("<p>hello</p>") }
        router.get("/stream") { _, _ in
            HTTPResponse(headers: ["Content-Type": "text/plain"], body: .stream { writer in
                try writer.write("part one, ")
                try writer.flush()
                try writer.write(Array("part two".utf8))
            })
        }
        router.get("/limits") { request, _ in .text("\(request.limits.maxFormFields)") }
        router.delete("/api/v1/tickets/{id}") { _, _ in .empty() }
        return router
    }

    @Test func routesWithParametersAndContext() throws {
        let (server, _) = makeServer(router())
        let response = server.handle(try HTTPRequest(uri: "/api/v1/tickets/42?x=1"), context: "ctx")
        #expect(response.status == .ok)
        #expect(jsonObject(response) as? [String: String] == ["id": "42", "context": "ctx", "route": "/api/v1/tickets/{id}"])
        #expect(response.headers["Content-Length"] == String(response.bodyBytes?.count ?? -1))
    }

    @Test func notFoundAndMethodNotAllowed() throws {
        let (server, _) = makeServer(router())
        let notFound = server.handle(try HTTPRequest(uri: "/api/v1/nothing"), context: "")
        #expect(notFound.status == .notFound)
        #expect(jsonObject(notFound)["errorCode"] as? String == "URL_NOT_FOUND")
        let notAllowed = server.handle(try HTTPRequest(method: .put, uri: "/api/v1/tickets/1"), context: "")
        #expect(notAllowed.status == .methodNotAllowed)
        #expect(notAllowed.headers["Allow"] == "GET, HEAD, DELETE")
        #expect(jsonObject(notAllowed)["errorCode"] as? String == "METHOD_NOT_ALLOWED")
        let htmlNotFound = server.handle(try HTTPRequest(uri: "/portal/x"), context: "")
        #expect(htmlNotFound.headers["Content-Type"] == "text/html; charset=utf-8")
    }

    @Test func unexpectedErrorIsBare500AndLogged() throws {
        let (server, logs) = makeServer(router())
        let request = try HTTPRequest(uri: "/api/boom", headers: ["X-Request-Id": "trace-500"])
        let response = server.handle(request, context: "")
        #expect(response.status == .internalServerError)
        let object = jsonObject(response)
        #expect(object["errorCode"] as? String == "INTERNAL_SERVER_ERROR")
        #expect(object["requestId"] as? String == "trace-500")
        #expect(!(response.bodyText ?? "").contains("secret_table"))
        #expect(!(response.bodyText ?? "").contains("DatabaseFailure"))
        let errorLine = try #require(logs.current.first { $0.level == .error })
        #expect(errorLine.metadata["request_id"] == "trace-500")
        #expect(errorLine.metadata["error"]?.contains("secret_table") == true)

        let html = server.handle(try HTTPRequest(uri: "/boom"), context: "")
        #expect(html.status == .internalServerError)
        #expect(!(html.bodyText ?? "").contains("secret_table"))
    }

    @Test func requestIDIsKeptOrReplacedAndAlwaysEchoed() throws {
        let (server, _) = makeServer(router())
        let kept = server.handle(try HTTPRequest(uri: "/page", headers: ["X-Request-Id": "abc.123"]), context: "")
        #expect(kept.headers["X-Request-Id"] == "abc.123")
        let replaced = server.handle(try HTTPRequest(uri: "/nothing", headers: ["X-Request-Id": "bad id\r\nX: y"]), context: "")
        let id = try #require(replaced.headers["X-Request-Id"])
        #expect(id.count == 32 && id != "bad id\r\nX: y")
    }

    @Test func headHasNoBodyButTheGetLength() throws {
        let (server, _) = makeServer(router())
        let get = server.handle(try HTTPRequest(uri: "/page"), context: "")
        let head = server.handle(try HTTPRequest(method: .head, uri: "/page"), context: "")
        #expect(head.status == .ok)
        #expect(head.bodyBytes == [])
        #expect(head.headers["Content-Length"] == get.headers["Content-Length"])
        #expect(head.headers["Content-Length"] == "12")
        let headStream = server.handle(try HTTPRequest(method: .head, uri: "/stream"), context: "")
        #expect(headStream.bodyBytes == [])
    }

    @Test func streamedBodyIsCollected() throws {
        let (server, _) = makeServer(router())
        let response = server.handle(try HTTPRequest(uri: "/stream"), context: "")
        #expect(response.bodyText == "part one, part two")
    }

    @Test func noContentHasNoLength() throws {
        let (server, _) = makeServer(router())
        let response = server.handle(try HTTPRequest(method: .delete, uri: "/api/v1/tickets/1"), context: "")
        #expect(response.status == .noContent)
        #expect(response.headers["Content-Length"] == nil)
    }

    @Test func jsonBodyErrorsReachTheClient() throws {
        let (server, _) = makeServer(router())
        let request = try HTTPRequest(method: .post, uri: "/api/v1/tickets", headers: ["Content-Type": "application/json"],
                                      body: Array("{\"subject\": 5}".utf8))
        let response = server.handle(request, context: "")
        #expect(response.status == .unprocessableEntity)
        #expect((jsonObject(response)["errors"] as? [[String: String]])?.first?["fieldName"] == "/subject")
        let created = server.handle(try HTTPRequest(method: .post, uri: "/api/v1/tickets",
                                                    headers: ["Content-Type": "application/json"],
                                                    body: Array("{\"subject\": \"s\"}".utf8)), context: "")
        #expect(created.status == .created)
    }

    @Test func serverLimitsApplyToRequests() throws {
        let (server, _) = makeServer(router(), limits: HTTPLimits(maxFormFields: 7))
        #expect(server.handle(try HTTPRequest(uri: "/limits"), context: "").bodyText == "7")
    }

    @Test func middlewaresRunInOrderAroundRouting() throws {
        let trace = Locked<[String]>([])
        func recording(_ name: String) -> Middleware<String> {
            { request, context, next in
                trace.withValue { $0.append("\(name) in route=\(request.routePattern ?? "-")") }
                var response = try next(request, context + name)
                trace.withValue { $0.append("\(name) out") }
                response.headers.add(name: "X-Trace", value: name)
                return response
            }
        }
        let (server, _) = makeServer(router(), middlewares: [recording("A"), recording("B")])
        let response = server.handle(try HTTPRequest(uri: "/api/v1/tickets/9"), context: "ctx-")
        #expect(trace.current == ["A in route=/api/v1/tickets/{id}", "B in route=/api/v1/tickets/{id}", "B out", "A out"])
        #expect((jsonObject(response) as? [String: String])?["context"] == "ctx-AB")
        #expect(response.headers.values(for: "X-Trace") == ["B", "A"])
    }

    @Test func middlewareCanShortCircuitAndRenderErrors() throws {
        let misdirect: Middleware<String> = { request, context, next in
            guard request.host == "us.desk.localhost" else { throw HTTPError.misdirected(host: request.host) }
            return try next(request, context)
        }
        let (server, logs) = makeServer(router(), middlewares: [misdirect])
        let response = server.handle(try HTTPRequest(uri: "/page", headers: ["Host": "evil.example:443"]), context: "")
        #expect(response.status == .misdirectedRequest)
        #expect(jsonObject(response)["errorCode"] as? String == "MISDIRECTED_REQUEST")
        #expect(logs.current.last?.metadata["status"] == "421")
        let ok = server.handle(try HTTPRequest(uri: "/page", headers: ["Host": "US.desk.localhost"]), context: "")
        #expect(ok.status == .ok)
    }

    @Test func middlewareRewritingThePathIsRoutedAgain() throws {
        let rewrite: Middleware<String> = { request, context, next in
            var request = request
            request.path = "/page"
            return try next(request, context)
        }
        let (server, logs) = makeServer(router(), middlewares: [rewrite])
        let response = server.handle(try HTTPRequest(uri: "/elsewhere"), context: "")
        #expect(response.bodyText == "<p>hello</p>")
        #expect(logs.current.last?.metadata["route"] == "/page")
    }

    @Test func accessLogLineHasNoQueryOrPersonalData() throws {
        let (server, logs) = makeServer(router())
        _ = server.handle(try HTTPRequest(uri: "/api/v1/tickets/5?email=someone%40example.com",
                                          headers: ["X-Request-Id": "log-1"]), context: "")
        _ = server.handle(try HTTPRequest(method: .post, uri: "/nothing?q=secret"), context: "")
        let lines = logs.current.filter { $0.message == "request" }
        #expect(lines.count == 2)
        let first = lines[0]
        #expect(first.level == .info)
        #expect(first.metadata["method"] == "GET")
        #expect(first.metadata["route"] == "/api/v1/tickets/{id}")
        #expect(first.metadata["status"] == "200")
        #expect(first.metadata["request_id"] == "log-1")
        #expect(first.metadata["duration_ms"]?.contains(".") == true)
        #expect(Set(first.metadata.keys) == ["method", "route", "status", "duration_ms", "request_id"])
        #expect(lines[1].metadata["route"] == "-")
        #expect(lines[1].metadata["status"] == "404")
        let everything = logs.current.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!everything.contains("someone") && !everything.contains("secret"))
    }

    @Test func durationFormatting() {
        #expect(AccessLog.milliseconds(.microseconds(1_234_567)) == "1234.567")
        #expect(AccessLog.milliseconds(.microseconds(5)) == "0.005")
        #expect(AccessLog.milliseconds(.zero) == "0.000")
    }
}
