/// A connection string (DSN) that ``ConnectionOptions/init(dsn:)`` cannot accept.
///
/// Messages never repeat the password.
public enum DSNError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DSN is empty.
    case empty
    /// The scheme is not `mariadb://` (or `mysql://`); carries the scheme found.
    case unsupportedScheme(String)
    /// There is no user name before `@`.
    case missingUser
    /// A component has a malformed `%XX` escape; carries the component's name (user, password, ...).
    case invalidPercentEncoding(component: String)
    /// The host is empty or malformed; carries the host text.
    case invalidHost(String)
    /// The port is not a number in 1...65535; carries the port text.
    case invalidPort(String)
    /// The database name is malformed (e.g. contains `/`); carries the text.
    case invalidDatabase(String)
    /// A query parameter is not one of the known names; carries the name.
    case unknownParameter(String)
    /// A query parameter appears twice; carries the name.
    case duplicateParameter(String)
    /// A query parameter's value is not valid for it.
    case invalidParameterValue(name: String, value: String)
    /// `socket=` was given with a host other than `localhost`; carries the host.
    case socketWithRemoteHost(String)

    public var description: String {
        switch self {
        case .empty: "the DSN is empty"
        case .unsupportedScheme(let scheme): "unsupported scheme \"\(scheme)\": expected mariadb://"
        case .missingUser: "the DSN has no user name (mariadb://user[:password]@host/database)"
        case .invalidPercentEncoding(let component): "invalid percent-encoding in the \(component)"
        case .invalidHost(let host): "invalid host \"\(host)\""
        case .invalidPort(let port): "invalid port \"\(port)\": expected 1...65535"
        case .invalidDatabase(let database): "invalid database name \"\(database)\""
        case .unknownParameter(let name):
            "unknown parameter \"\(name)\" (known: socket, ssl, ssl-ca, ssl-verify, connect-timeout, read-timeout, write-timeout)"
        case .duplicateParameter(let name): "parameter \"\(name)\" is given twice"
        case .invalidParameterValue(let name, let value): "invalid value \"\(value)\" for parameter \"\(name)\""
        case .socketWithRemoteHost(let host): "socket= needs host localhost, not \"\(host)\""
        }
    }
}
