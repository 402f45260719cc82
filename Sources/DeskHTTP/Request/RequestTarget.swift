/// The path and query of a request target (`REQUEST_URI`), and host normalisation.
struct RequestTarget {
    var path: String
    var query: QueryParameters

    /// Splits `uri` at the first `?`, decodes the path strictly and the query leniently. An
    /// absolute-form target (`http://host/path`) is reduced to its path.
    init(_ uri: String, maxQueryFields: Int) throws(HTTPError) {
        var target = Substring(uri)
        if !target.hasPrefix("/"), let scheme = target.range(of: "://") {
            let afterAuthority = target[scheme.upperBound...]
            target = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }).map { afterAuthority[$0...] } ?? "/"
            if target.hasPrefix("?") { target = "/" + target }
        }
        let rawPath: Substring
        let rawQuery: Substring
        if let question = target.firstIndex(of: "?") {
            rawPath = target[..<question]
            rawQuery = target[target.index(after: question)...]
        } else {
            rawPath = target
            rawQuery = ""
        }
        guard rawPath.hasPrefix("/"), let path = PercentDecoding.decodePath(rawPath) else {
            throw HTTPError.badRequest("The request URL is malformed.", errorCode: "INVALID_URL")
        }
        self.path = path
        self.query = try QueryParameters.parse(rawQuery, maxFields: maxQueryFields)
    }

    /// Lowercases a `Host` value and removes its port and a trailing dot; `[v6]:port` → `[v6]`.
    static func normalizedHost(_ host: String) -> String {
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
}
