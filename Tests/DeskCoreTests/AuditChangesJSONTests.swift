@testable import DeskCore
import Foundation
import Testing

@Suite("Audit changes JSON")
struct AuditChangesJSONTests {
    @Test("The same JSON as Foundation's JSONEncoder made for [FieldChange], and it decodes back")
    func matchesFoundation() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let samples: [[FieldChange]] = [
            [],
            [FieldChange(field: "subject", old: nil, new: "件名 😀 \"quoted\" back\\slash /path")],
            [FieldChange(field: "description", old: "line\nbreak\ttab\r\u{1}\u{8}\u{c}\u{1f}\u{7f}", new: nil),
             FieldChange(field: "priority", old: "Low", new: "High")],
        ]
        for changes in samples {
            let expected = try JSONSerialization.jsonObject(with: try encoder.encode(changes)) as? NSArray
            let written = AuditChangesJSON.encode(changes)
            let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSArray
            #expect(parsed != nil && parsed == expected)
            #expect(written.hasPrefix(changes.isEmpty ? "[]" : #"[{"field":"#))
            #expect(try JSONDecoder().decode([FieldChange].self, from: Data(written.utf8)) == changes)
        }
    }
}
