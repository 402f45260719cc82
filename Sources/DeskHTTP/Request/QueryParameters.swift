/// An ordered multi-map of `application/x-www-form-urlencoded` name/value pairs: a query string or a
/// urlencoded form body.
///
/// Parsing follows the WHATWG URL standard: pairs are split on `&` (empty pairs skipped), name and
/// value on the first `=` (a pair without `=` has an empty value), `+` means a space, `%XX` is a byte,
/// a malformed escape such as `%zz` or a trailing `%` is kept literally, and bytes that are not UTF-8
/// become U+FFFD. Repeated names keep every value in order.
public struct QueryParameters: Sendable, Sequence, Equatable, ExpressibleByDictionaryLiteral {
    /// One pair.
    public typealias Element = (name: String, value: String)

    private var items: [(name: String, value: String)]

    /// Creates an empty map.
    public init() {
        items = []
    }

    /// Creates a map from pairs, keeping their order.
    public init(_ pairs: [(String, String)]) {
        items = pairs.map { (name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Parses urlencoded text without a field limit.
    public init(urlEncoded text: some StringProtocol) {
        items = []
        Self.forEachPair(in: Substring(text)) { items.append($0) }
    }

    /// Parses urlencoded text, refusing more than `maxFields` pairs with 413 `PAYLOAD_TOO_LARGE`.
    public static func parse(_ text: some StringProtocol, maxFields: Int) throws(HTTPError) -> QueryParameters {
        var result = QueryParameters()
        var tooMany = false
        forEachPair(in: Substring(text)) { pair in
            guard !tooMany else { return }
            if result.items.count == maxFields {
                tooMany = true
            } else {
                result.items.append(pair)
            }
        }
        if tooMany { throw HTTPError.payloadTooLarge(limit: maxFields, what: "The number of fields") }
        return result
    }

    /// The first value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    public func all(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// Whether `name` occurs.
    public func contains(_ name: String) -> Bool {
        items.contains { $0.name == name }
    }

    /// The first value for `name` converted to `T`; `nil` when absent, 400 `INVALID_DATA` naming the
    /// field when it does not convert.
    public func value<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws(HTTPError) -> T? {
        guard let text = self[name] else { return nil }
        guard let value = T(text) else {
            throw HTTPError.badRequest("The parameter \(name) is invalid.", fieldErrors: [
                FieldError(fieldName: name, errorType: "invalid", errorMessage: "Expected a value of type \(T.self)."),
            ])
        }
        return value
    }

    /// Appends a pair.
    public mutating func add(name: String, value: String) {
        items.append((name: name, value: value))
    }

    /// The number of pairs.
    public var count: Int { items.count }

    /// Whether there are no pairs.
    public var isEmpty: Bool { items.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        items.makeIterator()
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.items.count == rhs.items.count && zip(lhs.items, rhs.items).allSatisfy { $0 == $1 }
    }

    private static func forEachPair(in text: Substring, _ body: ((name: String, value: String)) -> Void) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = ""
            }
            body((name: PercentDecoding.decodeFormComponent(name), value: PercentDecoding.decodeFormComponent(value)))
        }
    }
}
