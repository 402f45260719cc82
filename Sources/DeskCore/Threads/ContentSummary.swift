/// The short plain-text preview of a thread's content.
enum ContentSummary {
    /// The most characters a summary has.
    static let maxLength = 100

    /// `content` as plain text — for HTML, tags dropped and the common entities decoded — with runs of
    /// white space collapsed to one space, cut to ``maxLength`` characters.
    static func of(_ content: String, contentType: MessageContentType) -> String {
        var text = content
        if contentType == .html {
            var plain = ""
            var inTag = false
            for character in content {
                if character == "<" { inTag = true; plain.append(" "); continue }
                if character == ">" && inTag { inTag = false; continue }
                if !inTag { plain.append(character) }
            }
            for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                    ("&amp;", "&")] {
                plain = plain.replacingOccurrences(of: entity, with: value)
            }
            text = plain
        }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return String(words.joined(separator: " ").prefix(maxLength))
    }
}
