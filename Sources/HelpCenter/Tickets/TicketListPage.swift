import DeskCore
import DeskHTTP
import Foundation

/// `GET tickets?page=N`: the signed-in user's tickets, newest first, ``pageSize`` a page (table
/// `#tickets`: number, subject, status, last update), with links to the previous and next pages, or a
/// short message with a link to the new-ticket form when there are none.
enum TicketListPage {
    /// Tickets per page.
    static let pageSize = 20
    /// The highest page number read (larger ones show the last page's "nothing here" message).
    static let maxPage = 100_000

    static func show(_ request: PortalRequest) throws -> HTTPResponse {
        let owner = try request.ticketOwner()
        let page = min(max(Int(request.http.query["page"] ?? "") ?? 1, 1), maxPage)
        let list = try request.store.portalTickets(of: owner, page: Page(from: (page - 1) * pageSize + 1, limit: pageSize))
        let pages = max(1, (list.total + pageSize - 1) / pageSize)
        let rows: [[String: Any]] = list.tickets.map { ticket -> [String: Any] in
            let updated = list.lastUpdate(of: ticket)
            return [
                "id": String(ticket.id),
                "number": String(ticket.ticketNumber),
                "subject": ticket.subject,
                "status": TicketStatusText.text(ticket.status, request),
                "statusClass": TicketStatusText.cssClass(ticket.status),
                "updated": request.formatDate(updated),
                "updatedISO": TicketStatusText.iso(updated),
            ]
        }
        var values: [String: Any] = [
            "tickets": rows,
            "hasTickets": !rows.isEmpty,
            "total": String(list.total),
            "pageText": request.t("tickets.pageOf", ["page": String(page), "pages": String(pages)]),
            "showPaging": pages > 1 || page > 1,
        ]
        if page > 1 { values["previousPage"] = String(min(page - 1, pages)) }
        if page < pages { values["nextPage"] = String(page + 1) }
        if rows.isEmpty && list.total > 0 { values["pastEnd"] = true }
        return request.render("tickets", title: request.t("tickets.listTitle"), values: values)
    }
}

/// How a ticket's status is shown: the catalog text, a CSS class, and machine-readable times.
enum TicketStatusText {
    static func text(_ status: TicketStatus, _ request: PortalRequest) -> String {
        switch status {
        case .open: request.t("tickets.statusOpen")
        case .onHold: request.t("tickets.statusOnHold")
        case .escalated: request.t("tickets.statusEscalated")
        case .closed: request.t("tickets.statusClosed")
        }
    }

    static func cssClass(_ status: TicketStatus) -> String {
        switch status {
        case .open: "status-open"
        case .onHold: "status-on-hold"
        case .escalated: "status-escalated"
        case .closed: "status-closed"
        }
    }

    /// `2026-11-30T09:05:00Z`, for `<time datetime>`.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
