/// One field-level problem in a request, as listed in the `errors` array of a JSON error body.
///
/// `fieldName` is a JSON Pointer (`/contact/email`, `/cf/0`) for JSON bodies, or the form field name
/// for urlencoded and multipart bodies.
public struct FieldError: Sendable, Equatable, Codable {
    /// Where the problem is: a JSON Pointer or a form field name.
    public var fieldName: String
    /// A machine-readable kind: `"missing"`, `"invalid"`, `"tooLong"`, …
    public var errorType: String
    /// A human-readable explanation that never echoes the submitted value.
    public var errorMessage: String

    /// Creates a field error.
    public init(fieldName: String, errorType: String, errorMessage: String) {
        self.fieldName = fieldName
        self.errorType = errorType
        self.errorMessage = errorMessage
    }
}
