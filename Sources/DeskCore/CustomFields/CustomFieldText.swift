import Foundation

/// JSON text of the `cf` and `allowed_values` columns.
enum CustomFieldText {
    /// `{"cf_a":"…",…}` (keys sorted) or nil for no values.
    static func encodeValues(_ values: [String: String]) -> String? {
        guard !values.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The values of a `cf` column; values that are not strings are skipped.
    static func decodeValues(_ text: String) throws -> [String: String] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String }
    }

    static func encodeList(_ list: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(list)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decodeList(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
