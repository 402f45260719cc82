/// The path and query of a request target (`REQUEST_URI`), and host normalisation.
struct RequestTarget {
    var path: String
    var query: QueryParameters

    /// Splits `uri` at the first `?`, decodes the path strictly and the query leniently. An
    /// absolute-form target (`http://host/path`) is reduced to its path.
    init(_ uri: String, maxQueryFields: Int) throws(HTTPError) {
        var target = Substring(uri)
        if target.utf8.first != UInt8(ascii: "/"), let scheme = target.range(of: "://") {
            let afterAuthority = target[scheme.upperBound...]
            target = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }).map { afterAuthority[$0...] } ?? "/"
            if target.hasPrefix("?") { target = "/" + target }
        }
        let rawPath: Substring
        let rawQuery: Substring
        // Byte search: "?" is ASCII, so its UTF-8 index is a valid index of the string too.
        if let question = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            rawPath = target[..<question]
            rawQuery = target[target.utf8.index(after: question)...]
        } else {
            rawPath = target
            rawQuery = ""
        }
        guard rawPath.utf8.first == UInt8(ascii: "/"), let path = PercentDecoding.decodePath(rawPath) else {
            throw HTTPError.badRequest("The request URL is malformed.", errorCode: "INVALID_URL")
        }
        self.path = path
        self.query = try QueryParameters.parse(rawQuery, maxFields: maxQueryFields)
    }

    /// Lowercases a `Host` value and removes its port and a trailing dot; `[v6]:port` → `[v6]`.
    static func normalizedHost(_ host: String) -> String {
        if isPlainHostName(host) { return host }
        var value = Substring(host.lowercased()).trimmingSpaces()
        if value.hasPrefix("[") {
            if let close = value.firstIndex(of: "]") { return String(value[...close]) }
            return String(value)
        }
        if let colon = value.lastIndex(of: ":") {
            value = value[..<colon]
        }
        if value.hasSuffix("."), value.count > 1 { value = value.dropLast() }
        return String(value)
    }

    /// Whether `host` is already normal: lowercase ASCII letters, digits, `-` and `.`, no port, no
    /// trailing dot (what browsers and HTTP clients send for a host on the default port).
    private static func isPlainHostName(_ host: String) -> Bool {
        let utf8 = host.utf8
        guard let last = utf8.last, last != UInt8(ascii: ".") else { return false }
        return utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }
}
