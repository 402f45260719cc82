/// Errors of the FastCGI responder and of a request's body and response streams.
public enum FastCGIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request body (declared `CONTENT_LENGTH` or bytes actually sent) exceeds `limit` bytes.
    case bodyTooLarge(limit: Int)
    /// The body ended before `CONTENT_LENGTH` bytes arrived (the web server gave up on the client).
    case incompleteBody(expected: Int, received: Int)
    /// Reading the request body failed; `code` is libfcgi's stream error (an errno when positive).
    case readFailed(code: Int32)
    /// Writing the response failed, typically because the client or web server went away; `code` is
    /// libfcgi's stream error (an errno when positive, for example `EPIPE`).
    case writeFailed(code: Int32)
    /// The request was used after its `handle` call returned.
    case requestFinished
    /// The unix socket path does not fit in `sockaddr_un` (`maxBytes` bytes including the NUL).
    case socketPathTooLong(path: String, maxBytes: Int)
    /// Something other than a socket exists at the socket path; it is left alone.
    case notASocket(path: String)
    /// Another process is accepting connections on the socket path.
    case socketInUse(path: String)
    /// File descriptor 0 is not a listening socket (start deskd through spawn-fcgi or socket activation,
    /// or configure a socket path).
    case inheritedDescriptorNotListening
    /// A system call failed with `errno`.
    case systemCall(name: String, errno: Int32)
    /// `FCGX_Init` failed with `code`.
    case libraryInitFailed(code: Int32)

    public var description: String {
        switch self {
        case .bodyTooLarge(let limit): "request body exceeds \(limit) bytes"
        case .incompleteBody(let expected, let received): "request body ended after \(received) of \(expected) bytes"
        case .readFailed(let code): "reading the request body failed (\(code))"
        case .writeFailed(let code): "writing the response failed (\(code))"
        case .requestFinished: "the FastCGI request was used after its handler returned"
        case .socketPathTooLong(let path, let max): "socket path \(path) is longer than \(max - 1) bytes"
        case .notASocket(let path): "\(path) exists and is not a socket"
        case .socketInUse(let path): "another process is listening on \(path)"
        case .inheritedDescriptorNotListening: "file descriptor 0 is not a listening socket"
        case .systemCall(let name, let errno): "\(name) failed: errno \(errno)"
        case .libraryInitFailed(let code): "FCGX_Init failed (\(code))"
        }
    }
}
