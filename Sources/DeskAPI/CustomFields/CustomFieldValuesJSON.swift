import DeskCore
import DeskHTTP

/// A record's `cf` as Zoho Desk renders it: every custom field of the module by api name, `null` when unset;
/// fields hidden from the requesting agent are left out.
struct CustomFieldValuesJSON: DirectJSONEncodable {
    let values: CustomFieldValues
    /// Api names hidden by the agent's profile.
    var hidden: Set<String> = []

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in values.all where hidden.isEmpty || !hidden.contains(name) {
            try container.encode(value, forKey: Key(stringValue: name))
        }
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        for (name, value) in values.all.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) })
        where hidden.isEmpty || !hidden.contains(name) {
            writer.key(named: name)
            writer.string(value)
        }
        writer.endObject()
    }
}
