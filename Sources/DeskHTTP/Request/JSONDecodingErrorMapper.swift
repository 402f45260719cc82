/// Maps `DecodingError` to deskd's 400/422 `INVALID_DATA` errors with JSON Pointer field names.
enum JSONDecodingErrorMapper {
    /// The message of the default decoder's date strategy.
    static let dateMessage = "Expected an ISO 8601 date."

    static func httpError(for error: DecodingError) -> HTTPError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return HTTPError.badRequest("The request body is not valid JSON.")
        case .dataCorrupted(let context):
            // Only deskd's own date message is passed on: other descriptions may echo the value.
            let message = context.debugDescription == dateMessage ? dateMessage : "The value is invalid."
            return invalid(context.codingPath, type: "invalid", message: message)
        case .typeMismatch(let type, let context):
            return invalid(context.codingPath, type: "invalid", message: "Expected \(describe(type)).")
        case .valueNotFound(let type, let context):
            return invalid(context.codingPath, type: "invalid", message: "Expected \(describe(type)), found null.")
        case .keyNotFound(let key, let context):
            return invalid(context.codingPath + [key], type: "missing", message: "The field is required.")
        @unknown default:
            return HTTPError.badRequest("The request body is not valid JSON.")
        }
    }

    /// A JSON Pointer (RFC 6901) for a coding path: `/contact/emails/0`; `""` for the whole document.
    static func jsonPointer(_ path: [any CodingKey]) -> String {
        path.map { key in
            let token: String
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                token = String(index)
            } else {
                token = key.stringValue
            }
            return "/" + token.replacingTilde()
        }.joined()
    }

    private static func invalid(_ path: [any CodingKey], type: String, message: String) -> HTTPError {
        HTTPError.invalidData(fieldErrors: [FieldError(fieldName: jsonPointer(path), errorType: type, errorMessage: message)])
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is Int16.Type, is Int8.Type,
             is UInt.Type, is UInt64.Type, is UInt32.Type, is UInt16.Type, is UInt8.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default:
            "\(type)".hasPrefix("Array") ? "an array" : ("\(type)".hasPrefix("Dictionary") ? "an object" : "a valid value")
        }
    }
}

private extension String {
    func replacingTilde() -> String {
        var result = ""
        for character in self {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}
