import FastCGI
import Foundation
import Logging
import Testing

@Suite("Responder: listening socket")
struct ListeningSocketTests {
    private let logger = Logger(label: "deskd.fastcgi.test")

    private func configuration(_ path: String) -> ResponderConfiguration {
        ResponderConfiguration(listen: .unixSocket(path: path, permissions: 0o640), workerCount: 1)
    }

    @Test("the socket gets the configured permissions")
    func permissions() throws {
        let path = RunningResponder.temporarySocketPath()
        let responder = try Responder(configuration: configuration(path), logger: logger)
        defer { withExtendedLifetime(responder) {} }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect((attributes[.type] as? FileAttributeType) == .typeSocket)
    }

    @Test("a socket another responder listens on is refused, and released when that responder goes")
    func liveSocketRefused() throws {
        let path = RunningResponder.temporarySocketPath()
        var first: Responder? = try Responder(configuration: configuration(path), logger: logger)
        #expect(first != nil)
        #expect(throws: FastCGIError.socketInUse(path: path)) {
            try Responder(configuration: configuration(path), logger: logger)
        }
        first = nil  // never ran: deinit closes and removes its socket
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try Responder(configuration: configuration(path), logger: logger)
    }

    @Test("a socket file nobody listens on is removed and rebound")
    func deadSocketRebound() throws {
        let path = RunningResponder.temporarySocketPath()
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        close(fd)  // the file stays, nobody listens: stale
        #expect(FileManager.default.fileExists(atPath: path))

        let server = try RunningResponder.onPath(path, handle: echoHandler())
        let response = try server.client().roundTrip(params: requestParams(uri: "/echo", token: "rebound"), keepConnection: false)
        #expect(response.body.hasPrefix("token=rebound "))
        #expect(server.stopAndWait())
    }

    @Test("something other than a socket at the path is left alone")
    func notASocket() throws {
        let path = RunningResponder.temporarySocketPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8)))
        defer { unlink(path) }
        #expect(throws: FastCGIError.notASocket(path: path)) {
            try Responder(configuration: configuration(path), logger: logger)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
    }

    @Test("a path longer than sockaddr_un allows is rejected")
    func pathTooLong() {
        let path = "/tmp/" + String(repeating: "x", count: 200) + ".sock"
        #expect(throws: FastCGIError.socketPathTooLong(path: path, maxBytes: 108)) {
            try Responder(configuration: configuration(path), logger: logger)
        }
    }

    @Test("an inherited descriptor 0 that is not a listening socket is rejected")
    func inheritedNotListening() {
        // Under `swift test`, standard input is a terminal, a pipe or /dev/null — never a listening socket.
        #expect(throws: FastCGIError.inheritedDescriptorNotListening) {
            try Responder(configuration: ResponderConfiguration(listen: .inheritedDescriptor), logger: logger)
        }
    }
}
