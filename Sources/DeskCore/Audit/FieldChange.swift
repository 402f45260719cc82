/// One changed field of an audit entry, values rendered as text (nil for no value).
public struct FieldChange: Sendable, Equatable, Codable {
    /// The API field name, e.g. "subject", "assigneeId".
    public let field: String
    public let old: String?
    public let new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    private enum CodingKeys: String, CodingKey { case field, old, new }

    /// Writes `null` for absent values, so every entry has the three keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
    }
}
