/// Parsing of the request `Cookie` header (RFC 6265 §5.4).
public enum Cookies {
    /// Parses every `Cookie` header into name → value.
    ///
    /// Pairs are separated by `;`, whitespace around names and values is trimmed, one pair of
    /// surrounding double quotes is removed from a value, pairs without `=` or with an empty name are
    /// ignored, and the first occurrence of a name wins (browsers send the most specific cookie first).
    /// Values are not percent-decoded: cookie values are opaque.
    public static func parse(_ headerValues: [String]) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in headerValues {
            for pair in header.split(separator: ";") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].trimmingSpaces()
                var value = pair[pair.index(after: equals)...].trimmingSpaces()
                guard !name.isEmpty else { continue }
                if value.count >= 2, value.first == "\"", value.last == "\"" {
                    value = value.dropFirst().dropLast()
                }
                if cookies[String(name)] == nil {
                    cookies[String(name)] = String(value)
                }
            }
        }
        return cookies
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
