import FastCGI
import Foundation
import Testing

/// The responder behind the real nginx (`/usr/sbin/nginx`, installed on every deskd machine) with
/// `fastcgi_keep_conn on` and an upstream keepalive pool, from a temporary prefix.
@Suite("Responder behind nginx")
struct NginxIntegrationTests {
    @Test("nginx with fastcgi_keep_conn: tokens round-trip, 413 keeps the pool healthy, stop is prompt")
    func keepAliveBehindNginx() throws {
        let server = try RunningResponder(workerCount: 16, handle: echoHandler(bodyLimit: 1024))
        chmod(server.path, 0o666)  // nginx workers may run as another user
        let nginx = try TemporaryNginx(upstreamSocket: server.path)
        defer { nginx.stop() }

        for index in 0..<100 {
            let token = "ngx-\(index)-\(UUID().uuidString)"
            let response = try HTTPTestClient.request(port: nginx.port, path: "/echo", token: token)
            #expect(response.status == 200)
            #expect(response.body.hasPrefix("token=\(token) "), "\(response.body)")
        }

        let big = String(repeating: "a", count: 100_000)  // more than libfcgi reads at once (8 KiB)
        for index in 0..<10 {
            let tooLarge = try HTTPTestClient.request(port: nginx.port, path: "/echo", token: "big\(index)", body: big)
            #expect(tooLarge.status == 413)
            let next = try HTTPTestClient.request(port: nginx.port, path: "/echo", token: "after\(index)", body: "hi")
            #expect(next.status == 200)
            #expect(next.body.hasSuffix(" body=hi"))
            let ignored = try HTTPTestClient.request(port: nginx.port, path: "/ignore-body", token: "ign\(index)", body: big)
            #expect(ignored.body == "ignored token=ign\(index)")
        }

        let log = nginx.errorLog()
        for problem in ["prematurely closed", "recv() failed", "connect() to unix", "upstream sent"] {
            #expect(!log.contains(problem), "nginx error log: \(log)")
        }

        // nginx now holds idle kept-alive connections: stop must still return promptly.
        let stopAt = Date()
        #expect(server.stopAndWait(timeout: 10))
        let elapsed = Date().timeIntervalSince(stopAt)
        #expect(elapsed < 1.5, "stop took \(elapsed) s with nginx keepalive connections open")
    }
}

/// nginx from a temporary prefix in /tmp, listening on 127.0.0.1 on a free port above 20000.
final class TemporaryNginx {
    let port: Int
    let prefix: URL
    private let process = Process()

    init(upstreamSocket: String) throws {
        prefix = URL(fileURLWithPath: "/tmp/deskd-nginx-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
        port = Int.random(in: 20_000...60_000)
        let p = prefix.path
        let config = """
            daemon off;
            worker_processes 2;
            pid \(p)/nginx.pid;
            error_log \(p)/error.log info;
            \(getuid() == 0 ? "user root root;" : "")
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path \(p)/body;
                fastcgi_temp_path \(p)/fastcgi;
                proxy_temp_path \(p)/proxy;
                uwsgi_temp_path \(p)/uwsgi;
                scgi_temp_path \(p)/scgi;
                client_max_body_size 1m;
                upstream deskd {
                    server unix:\(upstreamSocket);
                    keepalive 4;
                }
                server {
                    listen 127.0.0.1:\(port);
                    location / {
                        include /etc/nginx/fastcgi_params;
                        fastcgi_keep_conn on;
                        fastcgi_pass deskd;
                    }
                }
            }
            """
        try config.write(to: prefix.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        process.arguments = ["-p", p, "-c", "\(p)/nginx.conf", "-e", "\(p)/error.log"]
        try process.run()
        try waitForPort()
    }

    /// Waits (at most 5 s) until nginx accepts TCP connections.
    private func waitForPort() throws {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if HTTPTestClient.canConnect(port: port) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw NginxError.notListening(log: errorLog())
    }

    func errorLog() -> String {
        (try? String(contentsOf: prefix.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: prefix)
    }

    enum NginxError: Error { case notListening(log: String) }
}

/// A one-request-per-connection HTTP/1.0 client (no chunked responses to decode) over TCP to 127.0.0.1.
enum HTTPTestClient {
    struct Response { let status: Int; let body: String }

    static func canConnect(port: Int) -> Bool {
        let fd = connectTCP(port: port)
        if fd >= 0 { close(fd) }
        return fd >= 0
    }

    static func request(port: Int, path: String, token: String, body: String? = nil) throws -> Response {
        let fd = connectTCP(port: port)
        guard fd >= 0 else { throw POSIXError(.ECONNREFUSED) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head = "\(body == nil ? "GET" : "POST") \(path) HTTP/1.0\r\nHost: us.desk.localhost\r\nX-Token: \(token)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n" }
        let request = Array((head + "\r\n" + (body ?? "")).utf8)
        var offset = 0
        while offset < request.count {
            let n = request[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw POSIXError(.EPIPE) }
            offset += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let statusLine = parts.first?.components(separatedBy: "\r\n").first ?? ""
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    private static func connectTCP(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            close(fd)
            return -1
        }
        return fd
    }
}
