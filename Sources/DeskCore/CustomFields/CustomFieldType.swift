/// The value types of custom fields (Zoho Desk's names). Every value is stored as canonical text.
public enum CustomFieldType: String, Sendable, CaseIterable {
    case text = "Text"
    case textarea = "Textarea"
    case number = "Number"
    case decimal = "Decimal"
    case boolean = "Boolean"
    case date = "Date"
    case dateTime = "DateTime"
    case email = "Email"
    case phone = "Phone"
    case url = "URL"
    case picklist = "Picklist"
    case multiselect = "Multiselect"

    /// Whether the type takes `allowedValues` (and requires them).
    public var hasAllowedValues: Bool { self == .picklist || self == .multiselect }

    /// Whether the type takes `maxLength`, and its default and upper bound.
    public var lengthLimit: (default: Int, max: Int)? {
        switch self {
        case .text: (255, 255)
        case .textarea: (32_000, 65_535)
        default: nil
        }
    }
}
