import Foundation

/// Decoding the body as JSON, a urlencoded form or multipart/form-data, within `limits`.
extension HTTPRequest {
    /// Decodes a JSON body (`application/json` or `application/*+json`; ISO 8601 dates by default).
    /// JSON syntax is whatever Foundation's `JSONDecoder` accepts.
    ///
    /// - 415 `UNSUPPORTED_MEDIA_TYPE` when the Content-Type is not JSON;
    /// - 413 `PAYLOAD_TOO_LARGE` above `limits.maxJSONBytes`;
    /// - 400 `INVALID_DATA` for an empty or malformed body;
    /// - 422 `INVALID_DATA` for well-formed JSON of the wrong shape, naming the field as a JSON Pointer
    ///   in `fieldErrors` (`missing` for an absent key, `invalid` for a wrong type or value).
    ///
    /// An `HTTPError` thrown by the type's own `init(from:)` passes through unchanged.
    public func decodeJSON<T: Decodable>(_ type: T.Type, decoder: JSONDecoder? = nil) throws -> T {
        try checkJSONBody()
        let decoder = decoder ?? Self.makeJSONDecoder()
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw JSONDecodingErrorMapper.httpError(for: error)
        }
    }

    /// The checks of ``decodeJSON(_:decoder:)`` before any parsing, for callers with a parser of their own:
    /// 415 `UNSUPPORTED_MEDIA_TYPE` when the Content-Type is not JSON, 413 `PAYLOAD_TOO_LARGE` above
    /// `limits.maxJSONBytes`, 400 `INVALID_DATA` for an empty body.
    public func checkJSONBody() throws {
        guard let contentType, contentType.isJSON else {
            throw HTTPError.unsupportedMediaType(expected: "application/json")
        }
        let limit = limits.effectiveMaxJSONBytes
        guard body.count <= limit else { throw HTTPError.payloadTooLarge(limit: limit) }
        guard !body.isEmpty else { throw HTTPError.badRequest("The request body is empty; JSON was expected.") }
    }

    /// Parses an `application/x-www-form-urlencoded` body (415 for another Content-Type, 413 above
    /// `limits.maxFormFields` fields).
    public func form() throws -> QueryParameters {
        guard contentType?.value == "application/x-www-form-urlencoded" else {
            throw HTTPError.unsupportedMediaType(expected: "application/x-www-form-urlencoded")
        }
        return try QueryParameters.parse(String(decoding: body, as: UTF8.self), maxFields: limits.maxFormFields)
    }

    /// Parses a `multipart/form-data` body into its parts (415 for another Content-Type, 400
    /// `INVALID_DATA` for a missing boundary or malformed body, 413 above `limits.maxMultipartParts`
    /// parts or `limits.maxMultipartPartBytes` in one part).
    public func multipart() throws -> [MultipartPart] {
        guard let contentType, contentType.value == "multipart/form-data" else {
            throw HTTPError.unsupportedMediaType(expected: "multipart/form-data")
        }
        guard let boundary = contentType.parameters["boundary"], (1...70).contains(boundary.utf8.count) else {
            throw HTTPError.badRequest("The multipart/form-data Content-Type has no valid boundary.")
        }
        var reader = MultipartReader(boundary: boundary, limits: limits)
        try reader.feed(body)
        return try reader.finish()
    }

    /// The decoder `decodeJSON` uses by default: ISO 8601 dates with or without fractional seconds
    /// (`2025-01-02T03:04:05Z`, `2025-01-02T03:04:05.123+01:00`). A bad date is a 422 naming its field.
    public static func makeJSONDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
            if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: JSONDecodingErrorMapper.dateMessage)
        }
        return decoder
    }
}
