import Foundation

/// The plain text of a thread's or a comment's content for the help center: plain text as it is; HTML
/// with its tags dropped, a line break where a `<br>` or a block was, and the common entities decoded.
/// The result is text, escaped again by the page's template.
enum PortalTicketText {
    /// Tags that stand for a line break.
    private static let breakingTags: Set<String> = ["br", "p", "/p", "div", "/div", "li", "/li", "tr", "/tr",
                                                   "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/blockquote", "/pre"]

    static func of(_ content: String, contentType: MessageContentType) -> String {
        guard contentType == .html else { return content }
        var text = ""
        var tag = ""
        var inTag = false
        for character in content {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tagName(tag)
                    if breakingTags.contains(name), !text.isEmpty, name == "br" || !text.hasSuffix("\n") {
                        text.append("\n")
                    }
                    tag = ""
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
            } else if character.isNewline {
                if !text.isEmpty && !text.hasSuffix(" ") && !text.hasSuffix("\n") { text.append(" ") }
            } else {
                text.append(character)
            }
        }
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The lowercased name of a tag's text (between `<` and `>`), with a leading `/` for a closing tag.
    private static func tagName(_ tag: String) -> String {
        var name = ""
        for character in tag {
            if character == "/" && name.isEmpty { name.append(character); continue }
            if character.isWhitespace || character == "/" { break }
            name.append(character)
        }
        return name.lowercased()
    }
}
