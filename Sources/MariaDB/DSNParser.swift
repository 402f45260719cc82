/// The parser behind ``ConnectionOptions/init(dsn:)``.
enum DSNParser {
    static func parse(_ dsn: String) throws(DSNError) -> ConnectionOptions {
        let trimmed = dsn.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        guard let colon = trimmed.firstIndex(of: ":"), trimmed[colon...].hasPrefix("://") else {
            throw .unsupportedScheme(String(trimmed.prefix(while: { $0 != ":" })))
        }
        let scheme = trimmed[..<colon].lowercased()
        guard scheme == "mariadb" || scheme == "mysql" else { throw .unsupportedScheme(scheme) }

        var rest = trimmed[trimmed.index(colon, offsetBy: 3)...]
        var queryText: Substring?
        if let question = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }

        // The user info ends at the last "@", so an unencoded "@" or "/" in the password still parses.
        guard let at = rest.lastIndex(of: "@") else { throw .missingUser }
        let userInfo = rest[..<at]
        let location = rest[rest.index(after: at)...]

        let rawUser: Substring
        var password: String?
        if let colon = userInfo.firstIndex(of: ":") {
            rawUser = userInfo[..<colon]
            password = try percentDecoded(userInfo[userInfo.index(after: colon)...], component: "password")
        } else {
            rawUser = userInfo
        }
        let user = try percentDecoded(rawUser, component: "user")
        guard !user.isEmpty else { throw .missingUser }

        var hostPort = location
        var database: String?
        if let slash = location.firstIndex(of: "/") {
            hostPort = location[..<slash]
            let rawDatabase = location[location.index(after: slash)...]
            let decoded = try percentDecoded(rawDatabase, component: "database")
            if decoded.contains("/") || decoded.contains("\0") { throw .invalidDatabase(decoded) }
            database = decoded.isEmpty ? nil : decoded
        }
        let (host, port) = try parseHostPort(hostPort)

        var options = ConnectionOptions(host: host, port: port ?? 3306, user: user,
                                        password: password, database: database)
        try applyParameters(queryText, to: &options)
        if options.unixSocket != nil, options.host != "localhost" {
            throw .socketWithRemoteHost(options.host)
        }
        return options
    }

    private static func parseHostPort(_ text: Substring) throws(DSNError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .invalidHost(String(text)) }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidHost(String(text)) }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .invalidHost(String(text))
            }
        } else {
            host = text
            if let colon = text.firstIndex(of: ":") {
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            }
            let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }
            guard host.allSatisfy(allowed) else { throw .invalidHost(String(host)) }
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw .invalidPort(String(portText))
            }
            port = number
        }
        return (host.isEmpty ? "localhost" : String(host), port)
    }

    private static func applyParameters(_ query: Substring?, to options: inout ConnectionOptions) throws(DSNError) {
        guard let query, !query.isEmpty else { return }
        var seen: Set<String> = []
        var tlsWanted: Bool?
        var caFile: String?
        var verify: Bool?
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try percentDecoded(parts[0], component: "parameter name")
            let value = parts.count > 1 ? try percentDecoded(parts[1], component: "parameter \(name)") : ""
            guard seen.insert(name).inserted else { throw .duplicateParameter(name) }
            switch name {
            case "socket":
                guard value.hasPrefix("/") else { throw .invalidParameterValue(name: name, value: value) }
                options.unixSocket = value
            case "ssl":
                tlsWanted = try boolean(value, name: name)
            case "ssl-ca":
                guard !value.isEmpty else { throw .invalidParameterValue(name: name, value: value) }
                caFile = value
            case "ssl-verify":
                verify = try boolean(value, name: name)
            case "connect-timeout":
                options.connectTimeoutSeconds = try seconds(value, name: name)
            case "read-timeout":
                options.readTimeoutSeconds = try seconds(value, name: name)
            case "write-timeout":
                options.writeTimeoutSeconds = try seconds(value, name: name)
            default:
                throw .unknownParameter(name)
            }
        }
        if tlsWanted == false {
            if caFile != nil || verify != nil { throw .invalidParameterValue(name: "ssl", value: "false") }
            return
        }
        if tlsWanted == true || caFile != nil || verify != nil {
            options.tls = TLSOptions(caFile: caFile, verifyServerCertificate: verify ?? true)
        }
    }

    private static func boolean(_ value: String, name: String) throws(DSNError) -> Bool {
        switch value.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw .invalidParameterValue(name: name, value: value)
        }
    }

    private static func seconds(_ value: String, name: String) throws(DSNError) -> Int {
        guard let number = Int(value), number >= 1, number <= 86_400 else {
            throw .invalidParameterValue(name: name, value: value)
        }
        return number
    }

    /// Decodes `%XX` escapes (UTF-8); "+" stays a plus sign.
    static func percentDecoded(_ text: Substring, component: String) throws(DSNError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard iterator.count >= 2,
                  let high = hexValue(iterator.popFirst()!), let low = hexValue(iterator.popFirst()!) else {
                throw .invalidPercentEncoding(component: component)
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalidPercentEncoding(component: component)
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
