/// `Content-Disposition: attachment` for a download (RFC 6266): a printable-ASCII `filename` fallback and
/// the exact name as `filename*=UTF-8''…` (RFC 8187 percent-encoding), so Japanese names round-trip and
/// nothing in a name can break out of the header. Used by the agent API's and the help center's downloads.
public enum ContentDisposition {
    /// The header value for downloading a file named `fileName`.
    public static func attachment(fileName: String) -> String {
        "attachment; filename=\"\(asciiFallback(fileName))\"; filename*=UTF-8''\(percentEncoded(fileName))"
    }

    /// Printable ASCII only; quotes, backslashes and every other byte become `_`.
    static func asciiFallback(_ name: String) -> String {
        String(decoding: name.utf8.map { byte in
            (0x20...0x7E).contains(byte) && byte != 0x22 && byte != 0x5C ? byte : 0x5F
        }, as: UTF8.self)
    }

    /// RFC 8187 `attr-char`s kept, every other byte of the UTF-8 encoding as `%XX`.
    static func percentEncoded(_ name: String) -> String {
        let kept = Set("!#$&+-.^_`|~".utf8)
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var text = String.UnicodeScalarView()
        for byte in name.utf8 {
            let isAlphaNumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphaNumeric || kept.contains(byte) {
                text.append(Unicode.Scalar(byte))
            } else {
                text.append("%")
                text.append(hex[Int(byte >> 4)])
                text.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(text)
    }
}
