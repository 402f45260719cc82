/// A custom field value as a client sent it, before validation against the field's definition.
public enum CustomFieldInput: Sendable, Equatable {
    /// `null` or an empty string: clears the field.
    case null
    case string(String)
    /// A JSON number, with the text it was written as when known.
    case number(Double)
    case bool(Bool)
    /// A JSON array of strings (a multiselect's choices); nil elements were not strings.
    case list([String?])
    /// Any other JSON value (an object, or an array of non-strings).
    case other
}
