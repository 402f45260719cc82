import DeskCore
import DeskHTTP

/// The query of `GET /api/v1/tickets` and `GET /api/v1/ticketsCount`: filters, sort and page.
struct TicketListQuery {
    var filter: TicketFilter
    var sort: TicketSort
    var page: Page

    /// Sort keys by their `sortBy` name (a leading `-` sorts descending).
    static let sortKeys = ["createdTime", "modifiedTime", "ticketNumber", "dueDate"]

    /// Reads `status`, `priority`, `channel`, `assignee`, `departmentId`, `contactId`, `createdTimeRange`, `modifiedTimeRange`,
    /// `sortBy`, `from`, `limit`; 422 naming the first bad parameter.
    init(_ query: QueryParameters) throws {
        filter = try Self.filter(query)
        sort = try RecordRequest.sort(query, default: TicketSort.createdTime, keys: Self.sortKeys,
                                      parse: TicketSort.init(sortBy:))
        page = try QueryReader(query: query).page()
    }

    /// The filter parameters shared by the list, the count and the search.
    static func filter(_ query: QueryParameters) throws -> TicketFilter {
        let reader = QueryReader(query: query)
        var filter = TicketFilter()
        filter.status = try reader.enumValue("status", TicketStatus.self, allowed: TicketInput.statuses)
        filter.priority = try reader.enumValue("priority", TicketPriority.self, allowed: TicketInput.priorities)
        filter.channel = try reader.enumValue("channel", TicketChannel.self, allowed: TicketInput.channels)
        filter.assigneeID = try reader.id("assignee")
        filter.departmentID = try reader.id("departmentId")
        filter.contactID = try reader.id("contactId")
        if let range = try reader.dateRange("createdTimeRange") {
            filter.createdFrom = range.from
            filter.createdTo = range.to
        }
        if let range = try reader.dateRange("modifiedTimeRange") {
            filter.modifiedFrom = range.from
            filter.modifiedTo = range.to
        }
        return filter
    }
}
