import Foundation

/// A file to store as an attachment or upload: its name, media type, bytes and visibility.
///
/// The initialiser cleans the name (control characters removed, trimmed, at most 255 characters; empty
/// becomes "file") and the media type (a lowercase `type/subtype` of token characters, else
/// `application/octet-stream`), so whatever a client sends can be stored and echoed back safely.
public struct AttachmentFile: Sendable {
    public let fileName: String
    public let contentType: String
    public let bytes: [UInt8]
    public let isPublic: Bool

    /// The most characters a stored file name has.
    public static let maxFileName = 255
    /// The media type stored when none or an invalid one is given.
    public static let defaultContentType = "application/octet-stream"

    public init(fileName: String?, contentType: String?, bytes: [UInt8], isPublic: Bool = false) {
        self.fileName = Self.cleanName(fileName)
        self.contentType = Self.cleanType(contentType)
        self.bytes = bytes
        self.isPublic = isPublic
    }

    static func cleanName(_ name: String?) -> String {
        let kept = (name ?? "").unicodeScalars.filter { scalar in
            !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
              || scalar.properties.generalCategory == .format && scalar.value != 0x200D)
        }
        var text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        if text.unicodeScalars.count > maxFileName {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxFileName)))
        }
        return text.isEmpty ? "file" : text
    }

    static func cleanType(_ type: String?) -> String {
        guard let type else { return defaultContentType }
        let value = type.split(separator: ";", maxSplits: 1).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let token: (Substring) -> Bool = { part in
            !part.isEmpty && part.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
                    || "!#$&^_.+-".utf8.contains(byte)
            }
        }
        guard parts.count == 2, token(parts[0]), token(parts[1]), value.utf8.count <= 127 else {
            return defaultContentType
        }
        return value
    }
}
