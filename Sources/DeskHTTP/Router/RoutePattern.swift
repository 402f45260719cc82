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
        let text = path
        var path = path
        var segments: [Substring] = []
        segments.reserveCapacity(8)
        // Over the UTF-8 bytes in place; each bound is a valid index of the string too.
        path.withUTF8 { bytes in
            let utf8 = text.utf8
            func piece(_ start: Int, _ end: Int) -> Substring {
                text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            }
            var start: Int?   // where the current segment starts (nil before the first `/`)
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "/") {
                if let start { segments.append(piece(start, index)) }
                start = index + 1
            }
            if let start { segments.append(piece(start, bytes.count)) }
        }
        return segments
    }
}
