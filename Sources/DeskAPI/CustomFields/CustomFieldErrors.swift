import DeskCore
import DeskHTTP

/// Custom field refusals name the value as `/cf/<api name>`: DeskCore reports them as field
/// `cf/<api name>`, which the generic store-error mapping would escape into one pointer token.
enum CustomFieldErrors {
    /// Runs `body`, turning a custom field refusal into 422 `INVALID_DATA` naming `/cf/<api name>`.
    static func naming<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.invalid(let field, let reason) where field.hasPrefix("cf/") {
            throw HTTPError.invalidData(fieldErrors: [FieldError(fieldName: "/" + field, errorType: "invalid",
                                                                 errorMessage: reason)])
        }
    }
}
