/// One part of a `multipart/form-data` body: a form field or an uploaded file.
public struct MultipartPart: Sendable, Equatable {
    /// The part's headers (`Content-Disposition`, `Content-Type`, …).
    public var headers: HTTPHeaders
    /// The part's bytes.
    public var body: [UInt8]

    /// Creates a part.
    public init(headers: HTTPHeaders, body: [UInt8]) {
        self.headers = headers
        self.body = body
    }

    /// The form field name (`Content-Disposition: form-data; name="…"`).
    public var name: String? { disposition?.parameters["name"] }

    /// The uploaded file's name as the client sent it (`filename*` UTF-8 form preferred), with any
    /// directory part removed; `nil` for a plain field. Never trust it as a path.
    public var filename: String? {
        guard let disposition else { return nil }
        let raw: String?
        if let extended = disposition.parameters["filename*"], let decoded = Self.decodeExtendedValue(extended) {
            raw = decoded
        } else {
            raw = disposition.parameters["filename"]
        }
        guard let raw else { return nil }
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base
    }

    /// The part's `Content-Type` value, or `nil`.
    public var contentType: String? { headers["Content-Type"] }

    /// The body as UTF-8 text (invalid bytes become U+FFFD).
    public var text: String { String(decoding: body, as: UTF8.self) }

    private var disposition: MediaType? {
        headers["Content-Disposition"].map(MediaType.init(parsing:))
    }

    /// RFC 5987 `charset'lang'percent-encoded`; only UTF-8 is accepted.
    private static func decodeExtendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return PercentDecoding.decodePath(pieces[2])
    }
}

extension Array where Element == MultipartPart {
    /// The first part whose field name is `name`.
    public func first(named name: String) -> MultipartPart? {
        first { $0.name == name }
    }

    /// Every part whose field name is `name`, in order.
    public func all(named name: String) -> [MultipartPart] {
        filter { $0.name == name }
    }
}
