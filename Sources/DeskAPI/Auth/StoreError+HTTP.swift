import DeskCore
import DeskHTTP

extension StoreError {
    /// The API's answer to a store refusal: 404 `URL_NOT_FOUND` for a missing record, 412
    /// `PRECONDITION_FAILED` for a stale `If-Match`, 409 `CONFLICT` for a duplicate, and 422
    /// `INVALID_DATA` naming the field for a rejected value, 403 `FORBIDDEN` for a record the agent may
    /// read but not change.
    var httpError: HTTPError {
        switch self {
        case .notFound:
            return HTTPError.notFound("The record was not found.")
        case .versionMismatch:
            return HTTPError.preconditionFailed("The record has changed since it was read (If-Match does not match its ETag).")
        case .conflict:
            return HTTPError(status: .conflict, errorCode: "CONFLICT", message: "The record conflicts with an existing one.")
        case .forbidden:
            return HTTPError.forbidden("You do not have permission to change this record.", errorCode: "FORBIDDEN")
        case .invalid(let field, let reason):
            return HTTPError.invalidData(fieldErrors: [
                FieldError(fieldName: JSONBody.pointer(field), errorType: "invalid", errorMessage: reason),
            ])
        }
    }
}
