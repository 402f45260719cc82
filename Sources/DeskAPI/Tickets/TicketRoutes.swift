import Foundation
import DeskCore
import DeskHTTP

/// `/api/v1/tickets…`: list, count, get, create, update and move to the recycle bin. Every handler gets an
/// authenticated `AgentRequest`; reads and writes go through its `Store` (the one write path) with the
/// agent's reach: lists, counts and searches hold only the tickets it may read, a ticket out of reach is
/// 404, and a change to a ticket it may only read is 403 `FORBIDDEN`.
struct TicketRoutes: Sendable {
    let auth: APIAuthenticator

    /// The most tickets one `moveToTrash` call takes.
    static let maxTrashBatch = 100

    func register(on router: Router<WorkerContext>) {
        router.get("/api/v1/tickets", auth.protect(list))
        router.get("/api/v1/ticketsCount", auth.protect(count))
        router.get("/api/v1/tickets/search", auth.protect(search))
        router.post("/api/v1/tickets", auth.protect(create))
        router.get("/api/v1/tickets/{id}", auth.protect(get))
        router.patch("/api/v1/tickets/{id}", auth.protect(update))
        router.post("/api/v1/tickets/moveToTrash", auth.protect(moveToTrash))
    }

    private func list(_ request: AgentRequest) throws -> HTTPResponse {
        let query = try TicketListQuery(request.http.query)
        let tickets = try request.store.tickets(for: request.actor, filter: query.filter, sort: query.sort, page: query.page)
        return .json(ListJSON(data: tickets.map(TicketJSON.init)))
    }

    private func count(_ request: AgentRequest) throws -> HTTPResponse {
        let query = try TicketListQuery(request.http.query)
        return .json(CountJSON(count: try request.store.ticketCount(for: request.actor, filter: query.filter)))
    }

    /// `?_all=&subject=&email=&category=&ticketNumber=&…&from=&limit=&sortBy=` →
    /// `{"data":[…],"count":N}` (count of all matches); `{"data":[],"count":0}` when nothing matches.
    private func search(_ request: AgentRequest) throws -> HTTPResponse {
        let query = try TicketSearchQuery(request.http.query)
        let found = try request.store.searchTickets(for: request.actor, search: query.search, sort: query.sort,
                                                    page: query.page)
        return .json(SearchJSON(data: found.tickets.map(TicketJSON.init), count: found.count))
    }

    private func get(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.get(request, reading: { store, id, actor in try store.ticket(id, for: actor) }, answer: Self.single)
    }

    /// Zoho Desk answers a create with 200 and the ticket.
    private func create(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.create(request, namingCustomFields: true, read: TicketInput.draft(from:),
                                  write: { tx, draft in try tx.createTicket(draft) }, answer: Self.single)
    }

    /// `If-Match: "<version>"` (or `*`) makes the update conditional: 412 when the ticket changed since.
    private func update(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.update(request, namingCustomFields: true, read: TicketInput.changes(from:),
                                  write: { tx, id, changes, expected in
                                      try tx.updateTicket(id, changes: changes, expectedVersion: expected)
                                  }, answer: Self.single)
    }

    /// `{"ticketIds":["…"]}` → 204 No Content, as Zoho Desk answers; all or nothing.
    private func moveToTrash(_ request: AgentRequest) throws -> HTTPResponse {
        try RecordHandlers.moveToTrash(request, key: "ticketIds", maxCount: Self.maxTrashBatch) { tx, ids in
            try tx.moveToTrash(tickets: ids)
        }
    }

    /// The ticket with `ETag: "<version>"`.
    static func single(_ ticket: Ticket) -> HTTPResponse {
        RecordRequest.single(TicketJSON(ticket: ticket), version: ticket.version)
    }
}
