import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The listening socket a ``Responder`` accepts FastCGI connections on: a unix socket it created, or the
/// socket it inherited on file descriptor 0.
final class ListeningSocket: @unchecked Sendable {  // `isClosed` is guarded by `lock`
    /// The listening descriptor handed to `FCGX_InitRequest`.
    let descriptor: Int32
    /// The socket file this process created, removed again by ``close()`` if it is still ours.
    private let ownedPath: String?
    private let ownedIdentity: FileIdentity?
    private let lock = NSLock()
    private var isClosed = false

    private init(descriptor: Int32, ownedPath: String?, ownedIdentity: FileIdentity?) {
        self.descriptor = descriptor
        self.ownedPath = ownedPath
        self.ownedIdentity = ownedIdentity
    }

    /// Opens or validates the socket described by `listen`.
    static func open(_ listen: ResponderConfiguration.Listen, backlog: Int32) throws -> ListeningSocket {
        switch listen {
        case .unixSocket(let path, let permissions):
            return try bindUnixSocket(path: path, permissions: permissions, backlog: backlog)
        case .inheritedDescriptor:
            try requireListening(descriptor: 0)
            return ListeningSocket(descriptor: 0, ownedPath: nil, ownedIdentity: nil)
        }
    }

    /// Makes threads blocked in `accept` on this socket return (with `EINVAL`) and refuses new
    /// connections; connections already accepted are not affected.
    func shutdown() {
        #if canImport(Glibc)
        _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        #else
        _ = Darwin.shutdown(descriptor, SHUT_RDWR)
        #endif
    }

    /// Closes the descriptor and removes the socket file if it is still the one this process created.
    /// Call only when no worker uses the socket any more; later calls do nothing.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        if let ownedPath, let ownedIdentity, FileIdentity(path: ownedPath) == ownedIdentity {
            unlink(ownedPath)
        }
        if ownedPath != nil {
            _ = closeDescriptor(descriptor)
        }
    }

    // MARK: - Unix socket

    private static func bindUnixSocket(path: String, permissions: UInt16, backlog: Int32) throws -> ListeningSocket {
        var address = try UnixAddress(path: path)
        try removeStaleSocket(at: path, address: &address)

        let fd = socket(AF_UNIX, socketStreamType, 0)
        guard fd >= 0 else { throw FastCGIError.systemCall(name: "socket", errno: errno) }
        do {
            try address.withSockaddr { pointer, length in
                guard bind(fd, pointer, length) == 0 else {
                    throw FastCGIError.systemCall(name: "bind", errno: errno)
                }
            }
            guard chmod(path, mode_t(permissions)) == 0 else {
                throw FastCGIError.systemCall(name: "chmod", errno: errno)
            }
            guard listen(fd, backlog) == 0 else {
                throw FastCGIError.systemCall(name: "listen", errno: errno)
            }
        } catch {
            _ = closeDescriptor(fd)
            throw error
        }
        return ListeningSocket(descriptor: fd, ownedPath: path, ownedIdentity: FileIdentity(path: path))
    }

    /// Removes a socket file nobody accepts on any more; refuses to touch a live socket or a non-socket.
    private static func removeStaleSocket(at path: String, address: inout UnixAddress) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // nothing there
        guard (info.st_mode & S_IFMT) == S_IFSOCK else { throw FastCGIError.notASocket(path: path) }

        let probe = socket(AF_UNIX, socketStreamType, 0)
        guard probe >= 0 else { throw FastCGIError.systemCall(name: "socket", errno: errno) }
        defer { _ = closeDescriptor(probe) }
        let connected = address.withSockaddr { pointer, length in connect(probe, pointer, length) == 0 }
        if connected { throw FastCGIError.socketInUse(path: path) }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw FastCGIError.systemCall(name: "unlink", errno: errno)
        }
    }

    // MARK: - Inherited socket

    private static func requireListening(descriptor: Int32) throws {
        var accepting: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0, accepting != 0 else {
            throw FastCGIError.inheritedDescriptorNotListening
        }
    }
}

#if canImport(Glibc)
private let socketStreamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
#else
private let socketStreamType = SOCK_STREAM
#endif

private func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}

/// Device and inode of a file, to recognise "our" socket file before removing it.
private struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// A `sockaddr_un` for a filesystem path.
private struct UnixAddress {
    private var storage = sockaddr_un()

    init(path: String) throws {
        storage.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < capacity else {
            throw FastCGIError.socketPathTooLong(path: path, maxBytes: capacity)
        }
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }

    mutating func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        return try withUnsafePointer(to: &storage) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, length) }
        }
    }
}
