import DeskTesting
import FastCGI
import Foundation
import Testing

@Suite("Responder: params, body and keep-alive")
struct ResponderRequestTests {
    @Test("CGI params arrive, including long names and values")
    func paramsArrive() throws {
        let seen = Locked<[String: String]>([:])
        let server = try RunningResponder { request, _ in
            seen.withValue { $0 = request.params }
            try? request.write("Status: 204 No Content\r\n\r\n")
        }
        defer { _ = server.stopAndWait() }

        var params = requestParams(uri: "/tickets?page=2", token: "tok-1", method: "POST")
        params["HTTP_X_LONG_" + String(repeating: "N", count: 200)] = String(repeating: "v", count: 70_000)
        let response = try server.client().roundTrip(params: params, keepConnection: false)

        #expect(response.status == 204)
        let got = seen.withValue { $0 }
        for (name, value) in params { #expect(got[name] == value, "param \(name.prefix(20))") }
        #expect(got["FCGI_ROLE"] == "RESPONDER")
    }

    @Test("the body is read and echoed with the request's token, whether its length is declared or not",
          arguments: [true, false])
    func bodyIsRead(declareLength: Bool) throws {
        let server = try RunningResponder(handle: echoHandler(bodyLimit: 300_000))
        defer { _ = server.stopAndWait() }

        let body = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let client = try server.client()
        let response = try client.roundTrip(
            params: requestParams(uri: "/echo", token: "abc", method: "POST",
                                  contentLength: declareLength ? body.count : nil),
            body: body, keepConnection: false
        )
        #expect(response.status == 200)
        let head = String(decoding: response.stdout.prefix(200), as: UTF8.self)
        #expect(head.contains("\r\n\r\ntoken=abc worker="))
        #expect(Array(response.stdout.suffix(body.count + 6)) == Array(" body=".utf8) + body)
    }

    @Test("an undeclared body around the size of the first read (512 bytes) is read whole",
          arguments: [0, 1, 511, 512, 513, 514, 1025, 70_000])
    func undeclaredBodyAroundFirstRead(size: Int) throws {
        let server = try RunningResponder(handle: echoHandler(bodyLimit: 100_000))
        defer { _ = server.stopAndWait() }
        let body = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 253) }
        let response = try server.client().roundTrip(
            params: requestParams(uri: "/echo", token: "u\(size)", method: "POST"), body: body, keepConnection: false)
        #expect(response.status == 200)
        #expect(Array(response.stdout.suffix(body.count + 6)) == Array(" body=".utf8) + body)
    }

    @Test("a body over the limit throws bodyTooLarge and the kept connection serves the next request",
          arguments: [true, false])
    func bodyOverLimitKeepsConnection(declareLength: Bool) throws {
        let server = try RunningResponder(handle: echoHandler(bodyLimit: 1024))
        defer { _ = server.stopAndWait() }
        let client = try server.client()

        for (index, size) in [4096, 300_000].enumerated() {
            let big = [UInt8](repeating: 0x61, count: size)
            let tooLarge = try client.roundTrip(
                params: requestParams(uri: "/echo", token: "big\(index)", method: "POST",
                                      contentLength: declareLength ? big.count : nil),
                body: big, keepConnection: true
            )
            #expect(tooLarge.status == 413)
            #expect(tooLarge.body == "limit=1024")

            let next = try client.roundTrip(
                params: requestParams(uri: "/echo", token: "next\(index)", method: "POST", contentLength: 5),
                body: Array("hello".utf8), keepConnection: true
            )
            #expect(next.status == 200)
            #expect(next.body.hasPrefix("token=next\(index) "))
            #expect(next.body.hasSuffix(" body=hello"))
        }
    }

    @Test("a handler that never reads the body leaves the kept connection usable")
    func unreadBodyKeepsConnection() throws {
        let server = try RunningResponder(handle: echoHandler())
        defer { _ = server.stopAndWait() }
        let client = try server.client()

        for index in 0..<5 {
            let body = [UInt8](repeating: 0x62, count: index * 10_000)
            let response = try client.roundTrip(
                params: requestParams(uri: "/ignore-body", token: "t\(index)", method: "POST", contentLength: body.count),
                body: body, keepConnection: true
            )
            #expect(response.body == "ignored token=t\(index)")
        }
    }

    @Test("without FCGI_KEEP_CONN the responder closes the connection after the response")
    func closesWithoutKeepConn() throws {
        let server = try RunningResponder(handle: echoHandler())
        defer { _ = server.stopAndWait() }
        let client = try server.client()

        try client.send(params: requestParams(uri: "/echo", token: "once"), keepConnection: false)
        let response = try client.receive()
        #expect(response.body.hasPrefix("token=once "))
        #expect(client.seesEndOfFile())
    }

    @Test("the request is unusable after its handler returned")
    func requestInvalidAfterHandle() throws {
        let escaped = Locked<FastCGIRequestBox?>(nil)
        let server = try RunningResponder { request, _ in
            escaped.withValue { $0 = FastCGIRequestBox(request: request) }
            _ = request.param("SERVER_PROTOCOL")   // the parameters, once read, stay readable
            try? request.write("Status: 200 OK\r\n\r\nok")
        }
        defer { _ = server.stopAndWait() }

        _ = try server.client().roundTrip(params: requestParams(uri: "/x"), keepConnection: false)
        let request = try #require(escaped.withValue { $0 }).request
        #expect(throws: FastCGIError.requestFinished) { try request.write("late") }
        #expect(throws: FastCGIError.requestFinished) { try request.readBody(maxBytes: 10) }
        #expect(request.param("REQUEST_URI") == "/x")
    }
}

/// Smuggles a request out of its handler, to check it is invalidated afterwards.
struct FastCGIRequestBox: @unchecked Sendable {
    let request: FastCGIRequest
}
