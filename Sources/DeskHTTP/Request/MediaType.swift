/// A parsed `Content-Type` (or `Content-Disposition`) value: `type/subtype; name=value; name="quoted"`.
public struct MediaType: Sendable, Equatable {
    /// The value before the first `;`, lowercased and trimmed, e.g. `"multipart/form-data"`.
    public var value: String
    /// Parameters by lowercased name; quoted values are unquoted and unescaped.
    public var parameters: [String: String]

    /// Parses a header value; never fails (garbage parameters are skipped).
    public init(parsing header: String) {
        var parts = Self.splitParameters(Substring(header))
        value = parts.isEmpty ? "" : String(parts.removeFirst().trimmingSpaces()).lowercased()
        parameters = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingSpaces().lowercased()
            var raw = part[part.index(after: equals)...].trimmingSpaces()
            guard !name.isEmpty, parameters[name] == nil else { continue }
            if raw.first == "\"" {
                raw = raw.dropFirst()
                var unquoted = ""
                var escaped = false
                for character in raw {
                    if escaped {
                        unquoted.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        unquoted.append(character)
                    }
                }
                parameters[name] = unquoted
            } else {
                parameters[name] = String(raw)
            }
        }
    }

    /// Whether this is JSON: `application/json` or any `+json` type.
    public var isJSON: Bool {
        value == "application/json" || (value.hasPrefix("application/") && value.hasSuffix("+json"))
    }

    /// Splits on `;` outside double-quoted strings.
    private static func splitParameters(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var inQuotes = false
        var escaped = false
        var index = text.startIndex
        while index != text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                result.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        result.append(text[start...])
        return result
    }
}
