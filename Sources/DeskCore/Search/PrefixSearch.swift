import Foundation

/// A prefix search term as a bound `LIKE` pattern: the user's text matches literally (its `%`, `_` and
/// the escape character `!` are escaped), followed by `%`. Used with `LIKE … ESCAPE '!'`, which an index
/// on the column can serve.
struct PrefixSearch {
    /// The most characters a search term may have.
    static let maxLength = 100

    /// The `LIKE` pattern to bind.
    let pattern: String

    /// Throws `StoreError.invalid(field: "searchStr", …)` for an empty or over-long term.
    init(_ query: String) throws {
        let term = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !term.isEmpty else { throw StoreError.invalid(field: "searchStr", reason: "must not be empty") }
        guard term.count <= Self.maxLength else {
            throw StoreError.invalid(field: "searchStr", reason: "must be at most \(Self.maxLength) characters")
        }
        var escaped = ""
        for character in term {
            if character == "!" || character == "%" || character == "_" { escaped.append("!") }
            escaped.append(character)
        }
        pattern = escaped + "%"
    }
}
