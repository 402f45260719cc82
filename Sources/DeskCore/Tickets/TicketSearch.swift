import Foundation
import MariaDB

/// The criteria of a ticket search (`GET /api/v1/tickets/search`): every given criterion must match.
///
/// `subject`, `email` and `category` match the whole value, case-insensitively, with `*` as a wildcard for
/// any run of characters (`print*`, `*fire*`); `_all` matches tickets whose subject contains the text,
/// whose email starts with it, or whose number it is. Other criteria are exact, as in ``TicketFilter``.
public struct TicketSearch: Sendable, Equatable {
    public var all: String?
    public var subject: String?
    public var email: String?
    public var category: String?
    public var ticketNumber: Int64?
    public var classification: TicketClassification?
    public var filter: TicketFilter

    /// The longest search text of a criterion.
    public static let maxTextLength = 100

    public init(all: String? = nil, subject: String? = nil, email: String? = nil, category: String? = nil,
                ticketNumber: Int64? = nil, classification: TicketClassification? = nil,
                filter: TicketFilter = TicketFilter()) {
        self.all = all
        self.subject = subject
        self.email = email
        self.category = category
        self.ticketNumber = ticketNumber
        self.classification = classification
        self.filter = filter
    }

    /// The SQL conditions (live tickets of the actor's org within its reach only). Throws
    /// `StoreError.invalid` naming the parameter of an empty or over-long text.
    func conditions(_ actor: Actor) throws -> SQL {
        var parts: [SQL] = [Store.conditions(actor, filter)]
        if let all {
            let term = try Self.text(all, name: "_all")
            let contains = "%" + Self.escape(term) + "%"
            let prefix = Self.escape(term) + "%"
            var any: [SQL] = ["subject LIKE \(contains) ESCAPE '!'", "email LIKE \(prefix) ESCAPE '!'"]
            if let number = Int64(term), number > 0 { any.append("ticket_number = \(number)") }
            parts.append("(" + SQL.joined(any, separator: " OR ") + ")")
        }
        if let subject { parts.append("subject LIKE \(try Self.wildcard(subject, name: "subject")) ESCAPE '!'") }
        if let email { parts.append("email LIKE \(try Self.wildcard(email, name: "email")) ESCAPE '!'") }
        if let category { parts.append("category LIKE \(try Self.wildcard(category, name: "category")) ESCAPE '!'") }
        if let ticketNumber { parts.append("ticket_number = \(ticketNumber)") }
        if let classification { parts.append("classification = \(classification.rawValue)") }
        return SQL.joined(parts, separator: " AND ")
    }

    private static func text(_ value: String, name: String) throws -> String {
        let term = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !term.isEmpty, term.count <= maxTextLength else {
            throw StoreError.invalid(field: name, reason: "must have 1 to \(maxTextLength) characters")
        }
        return term
    }

    /// `value` as a `LIKE … ESCAPE '!'` pattern: `*` becomes `%`, everything else matches literally.
    static func wildcard(_ value: String, name: String) throws -> String {
        try text(value, name: name).split(separator: "*", omittingEmptySubsequences: false)
            .map { escape(String($0)) }.joined(separator: "%")
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "!" || character == "%" || character == "_" { escaped.append("!") }
            escaped.append(character)
        }
        return escaped
    }
}
