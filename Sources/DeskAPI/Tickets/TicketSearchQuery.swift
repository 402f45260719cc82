import DeskCore
import DeskHTTP

/// The query of `GET /api/v1/tickets/search`: text criteria (`_all`, `subject`, `email`, `category` with
/// `*` wildcards), `ticketNumber`, `classification`, the list filters, sort and page; 422 naming the first
/// bad parameter.
struct TicketSearchQuery {
    var search: TicketSearch
    var sort: TicketSort
    var page: Page

    init(_ query: QueryParameters) throws {
        let reader = QueryReader(query: query)
        var search = TicketSearch(filter: try TicketListQuery.filter(query))
        search.all = try Self.text(query, "_all")
        search.subject = try Self.text(query, "subject")
        search.email = try Self.text(query, "email")
        search.category = try Self.text(query, "category")
        if let number = try reader.integer("ticketNumber", in: 1...Int(Int64.max)) { search.ticketNumber = Int64(number) }
        search.classification = try reader.enumValue("classification", TicketClassification.self,
                                                     allowed: TicketInput.classifications)
        self.search = search
        sort = try RecordRequest.sort(query, default: TicketSort(.createdTime, descending: true),
                                      keys: TicketListQuery.sortKeys, parse: TicketSort.init(sortBy:))
        page = try reader.page()
    }

    /// A search text of 1 to 100 characters (not only spaces), or nil when absent.
    private static func text(_ query: QueryParameters, _ name: String) throws -> String? {
        guard let text = query[name] else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
              text.count <= TicketSearch.maxTextLength else {
            throw QueryReader.invalid(name, "Expected a search text of 1 to \(TicketSearch.maxTextLength) characters.")
        }
        return text
    }
}

/// The body of a search: `{"data":[…],"count":N}`, `count` being every match, not just this page.
struct SearchJSON<Item: Encodable>: Encodable {
    let data: [Item]
    let count: Int
}
