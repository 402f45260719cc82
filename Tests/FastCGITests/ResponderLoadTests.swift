import DeskTesting
import FastCGI
import Foundation
import Testing

@Suite("Responder: many requests")
struct ResponderLoadTests {
    @Test("200 sequential requests on one kept connection each get their own token back")
    func sequentialOnKeptConnection() throws {
        let server = try RunningResponder(handle: echoHandler())
        defer { _ = server.stopAndWait() }
        let client = try server.client()

        for index in 0..<200 {
            let token = "seq-\(index)-\(UUID().uuidString)"
            let body = Array("payload \(index)".utf8)
            let response = try client.roundTrip(
                params: requestParams(uri: "/echo", token: token, method: "POST", contentLength: body.count),
                body: body, keepConnection: true
            )
            #expect(response.body.hasPrefix("token=\(token) "))
            #expect(response.body.hasSuffix(" body=payload \(index)"))
        }
    }

    @Test("200 sequential requests on new connections each get their own token back")
    func sequentialOnNewConnections() throws {
        let server = try RunningResponder(handle: echoHandler())
        defer { _ = server.stopAndWait() }

        for index in 0..<200 {
            let token = "new-\(index)-\(UUID().uuidString)"
            let response = try server.client().roundTrip(
                params: requestParams(uri: "/echo", token: token), keepConnection: false
            )
            #expect(response.body.hasPrefix("token=\(token) "))
        }
    }

    @Test("200 concurrent requests each get their own token back", arguments: [false, true])
    func concurrent(keepConnection: Bool) throws {
        let server = try RunningResponder(workerCount: keepConnection ? 64 : 8, handle: echoHandler())
        defer { _ = server.stopAndWait() }

        // keep-alive: 50 connections × 4 requests each (a kept connection pins a worker, so fewer
        // connections than workers); otherwise 200 connections of one request.
        let connections = keepConnection ? 50 : 200
        let perConnection = 200 / connections
        let failures = Locked<[String]>([])
        let group = DispatchGroup()
        for connection in 0..<connections {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let client = try server.client()
                    for request in 0..<perConnection {
                        let token = "c\(connection)-r\(request)-\(UUID().uuidString)"
                        let body = Array(token.utf8)
                        let response = try client.roundTrip(
                            params: requestParams(uri: "/echo", token: token, method: "POST", contentLength: body.count),
                            body: body, keepConnection: keepConnection
                        )
                        if !(response.body.hasPrefix("token=\(token) ") && response.body.hasSuffix(" body=\(token)")) {
                            failures.withValue { $0.append("\(token): \(response.body)") }
                        }
                    }
                } catch {
                    failures.withValue { $0.append("connection \(connection): \(error)") }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 60) == .success, "clients did not finish within 60 s")
        let failed = failures.withValue { $0 }
        #expect(failed.isEmpty, "\(failed.count) failures, first: \(failed.first ?? "")")
    }
}
