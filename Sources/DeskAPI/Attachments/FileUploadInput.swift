import DeskCore
import DeskHTTP

/// Reads the `multipart/form-data` body of `POST /tickets/{id}/attachments` and `POST /uploads`: the part
/// `file` (its file name and Content-Type are kept) and an optional `isPublic` (`true`/`false`, as a
/// form part or a query parameter).
///
/// - 415 `UNSUPPORTED_MEDIA_TYPE` for another Content-Type; 400 `INVALID_DATA` for a malformed body;
/// - 413 `RESOURCE_SIZE_EXCEEDED` for a file above `maxBytes`;
/// - 422 `INVALID_DATA` naming `file` (missing, or sent twice) or `isPublic` (not true/false).
///
/// Memory: the request body (at most `maxBytes` + 1 MiB, read whole by the server) plus one copy of the
/// file's bytes in the parsed part (`FileMultipartParser`).
struct FileUploadInput {
    let maxBytes: Int

    /// The error of a file over the limit.
    static func tooLarge(_ maxBytes: Int) -> HTTPError {
        HTTPError(status: .payloadTooLarge, errorCode: "RESOURCE_SIZE_EXCEEDED",
                  message: "The file exceeds the size limit of \(maxBytes) bytes.")
    }

    func file(from request: HTTPRequest) throws -> AttachmentFile {
        let parts = try parts(of: request)
        var errors: [FieldError] = []
        let files = parts.all(named: "file")
        if files.isEmpty {
            errors.append(FieldError(fieldName: "file", errorType: "missing", errorMessage: "The part file is required."))
        } else if files.count > 1 {
            errors.append(FieldError(fieldName: "file", errorType: "invalid", errorMessage: "Send one file per request."))
        }
        var isPublic = false
        let flags = parts.all(named: "isPublic").map(\.text) + (request.query["isPublic"].map { [$0] } ?? [])
        for flag in flags {
            switch flag {
            case "true": isPublic = true
            case "false": isPublic = false
            default:
                errors.append(FieldError(fieldName: "isPublic", errorType: "invalid", errorMessage: "Expected true or false."))
            }
        }
        guard errors.isEmpty, let part = files.first else { throw HTTPError.invalidData(fieldErrors: errors) }
        guard part.body.count <= maxBytes else { throw Self.tooLarge(maxBytes) }
        return AttachmentFile(fileName: part.filename, contentType: part.contentType, bytes: part.body,
                              isPublic: isPublic)
    }

    private func parts(of request: HTTPRequest) throws -> [MultipartPart] {
        guard let contentType = request.contentType, contentType.value == "multipart/form-data" else {
            throw HTTPError.unsupportedMediaType(expected: "multipart/form-data")
        }
        guard let boundary = contentType.parameters["boundary"], (1...70).contains(boundary.utf8.count) else {
            throw HTTPError.badRequest("The multipart/form-data Content-Type has no valid boundary.")
        }
        let parser = FileMultipartParser(boundary: boundary, maxParts: request.limits.maxMultipartParts,
                                         maxHeaders: request.limits.maxMultipartPartHeaders, maxPartBytes: maxBytes)
        do {
            return try parser.parts(of: request.body)
        } catch is FileMultipartParser.PartTooLarge {
            throw Self.tooLarge(maxBytes)
        }
    }
}
