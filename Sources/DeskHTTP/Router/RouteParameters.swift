/// The `{name}` values the router captured from the path, percent-decoded.
public struct RouteParameters: Sendable, Equatable, Sequence {
    /// One captured parameter.
    public typealias Element = (name: String, value: String)

    private var items: [(name: String, value: String)]

    /// Creates parameters from name/value pairs.
    public init(_ pairs: [(String, String)] = []) {
        items = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// The value captured for `name`, or `nil`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// The value captured for `name`. A missing name is a programming error in the route table and
    /// throws a bare 500 `INTERNAL_SERVER_ERROR`.
    public func require(_ name: String) throws(HTTPError) -> String {
        guard let value = self[name] else { throw HTTPError.internalServerError() }
        return value
    }

    /// The value captured for `name` converted to `T` (e.g. `Int64`). A value that does not convert
    /// names no resource: 404 `URL_NOT_FOUND`.
    public func require<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws(HTTPError) -> T {
        guard let value = T(try require(name)) else { throw HTTPError.notFound() }
        return value
    }

    mutating func append(name: String, value: String) {
        items.append((name: name, value: value))
    }

    mutating func removeLast() {
        items.removeLast()
    }

    /// The number of parameters.
    public var count: Int { items.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        items.makeIterator()
    }

    public static func == (lhs: RouteParameters, rhs: RouteParameters) -> Bool {
        lhs.items.count == rhs.items.count && zip(lhs.items, rhs.items).allSatisfy { $0 == $1 }
    }
}
