/// A parsed route pattern such as `/api/v1/tickets/{id}`.
///
/// Segments are separated by `/`; a whole segment `{name}` captures one non-empty path segment.
/// Matching is exact: a trailing slash is significant (`/tickets/` is not `/tickets`), and empty
/// segments never match a parameter.
struct RoutePattern {
    enum Segment: Equatable {
        case literal(String)
        case parameter(String)
    }

    let text: String
    let segments: [Segment]

    init(_ text: String) {
        precondition(text.hasPrefix("/"), "route pattern \(text) must start with /")
        var names = Set<String>()
        segments = RoutePattern.split(text).map { segment in
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 {
                let name = String(segment.dropFirst().dropLast())
                precondition(!name.contains("{") && !name.contains("}"), "bad parameter in route pattern \(text)")
                precondition(names.insert(name).inserted, "parameter {\(name)} repeated in route pattern \(text)")
                return .parameter(name)
            }
            precondition(!segment.contains("{") && !segment.contains("}"),
                         "route pattern \(text): a parameter must be a whole segment")
            return .literal(String(segment))
        }
        self.text = text
    }

    /// The segments of a path or pattern that starts with `/`: `"/"` → `[""]`, `"/a/"` → `["a", ""]`.
    /// Splits on the byte `/` (ASCII, so every piece starts and ends on a character boundary).
    static func split(_ path: String) -> [Substring] {
        let utf8 = path.utf8
        var segments: [Substring] = []
        segments.reserveCapacity(8)
        var start: String.Index?   // where the current segment starts (nil before the first `/`)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if let start { segments.append(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if let start { segments.append(path[start..<utf8.endIndex]) }
        return segments
    }
}
