import DeskCore
import DeskHTTP

/// The optional `attachmentIds` field of `sendReply` and comment bodies: an array of upload ids
/// (`POST /api/v1/uploads`) to link to the new thread or comment.
enum AttachmentIDsInput {
    /// The field name.
    static let field = "attachmentIds"
    /// The most ids one request may link.
    static let maxCount = 20

    /// The ids (empty when the field is absent); a non-array, too many ids, or an item that is not an ID
    /// string is recorded on `body` (`/attachmentIds` or `/attachmentIds/N`).
    static func ids(_ body: JSONBody) -> [Int64] {
        guard let value = body.fields[field] else { return [] }
        guard case .array(let items) = value, items.count <= maxCount else {
            body.fail(field, "invalid", "Expected an array of at most \(maxCount) upload IDs.")
            return []
        }
        var ids: [Int64] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let id = Int64(text), id > 0 else {
                body.errors.append(FieldError(fieldName: pointer(index), errorType: "invalid",
                                              errorMessage: "Expected an upload ID (a string of digits)."))
                continue
            }
            ids.append(id)
        }
        return ids
    }

    /// Runs a write that links uploads; an ``UploadLinkError`` (the write rolled back) becomes 422
    /// `INVALID_DATA` naming `/attachmentIds/N`.
    static func linking<T>(_ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch let error as UploadLinkError {
            throw HTTPError.invalidData(fieldErrors: [
                FieldError(fieldName: pointer(error.index), errorType: "invalid",
                           errorMessage: "The upload is unknown, expired, already used or not yours."),
            ])
        }
    }

    static func pointer(_ index: Int) -> String { "/\(field)/\(index)" }
}
