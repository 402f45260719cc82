/// Size and count limits applied while reading and decoding requests.
///
/// Exceeding a size limit answers 413 `PAYLOAD_TOO_LARGE`; too many form fields or multipart parts
/// answers 413 as well, naming the limit.
public struct HTTPLimits: Sendable, Equatable {
    /// The largest request body read at all, in bytes (default 25 MiB). Larger bodies are refused
    /// before the handler runs.
    public var maxBodyBytes: Int
    /// The largest body `decodeJSON` accepts, in bytes; `nil` (the default) means `maxBodyBytes`.
    public var maxJSONBytes: Int?
    /// The most parts a multipart/form-data body may have (default 20).
    public var maxMultipartParts: Int
    /// The largest single multipart part body, in bytes; `nil` (the default) means `maxBodyBytes`.
    public var maxMultipartPartBytes: Int?
    /// The most header lines one multipart part may have (default 16).
    public var maxMultipartPartHeaders: Int
    /// The most fields a urlencoded form body or query string may have (default 1000).
    public var maxFormFields: Int
    /// Per-route body limits that replace `maxBodyBytes` for their route (see `RouteBodyLimit`).
    public var routeBodyLimits: [RouteBodyLimit] = []

    /// Creates limits; every argument has the documented default.
    public init(
        maxBodyBytes: Int = 25 * 1024 * 1024,
        maxJSONBytes: Int? = nil,
        maxMultipartParts: Int = 20,
        maxMultipartPartBytes: Int? = nil,
        maxMultipartPartHeaders: Int = 16,
        maxFormFields: Int = 1000
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxJSONBytes = maxJSONBytes
        self.maxMultipartParts = maxMultipartParts
        self.maxMultipartPartBytes = maxMultipartPartBytes
        self.maxMultipartPartHeaders = maxMultipartPartHeaders
        self.maxFormFields = maxFormFields
    }

    /// The effective JSON body limit.
    public var effectiveMaxJSONBytes: Int { min(maxJSONBytes ?? maxBodyBytes, maxBodyBytes) }

    /// The effective multipart part limit.
    public var effectiveMaxMultipartPartBytes: Int { min(maxMultipartPartBytes ?? maxBodyBytes, maxBodyBytes) }
}
