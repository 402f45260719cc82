@testable import DeskAPI
import DeskCore
import DeskHTTP
import Foundation
import Testing

/// `TicketJSON` writes its bytes directly (`writeJSON(to:)`); its `encode(to:)` through Foundation's encoder
/// is the reference the direct bytes must equal, alone and inside a list envelope.
@Suite("Ticket JSON written directly")
struct TicketJSONWriterTests {
    private let foundation = HTTPResponse.makeJSONEncoder()

    private func sameBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = String(decoding: try foundation.encode(value), as: UTF8.self)
        let direct = String(decoding: try FastJSONEncoder().encode(value), as: UTF8.self)
        #expect(direct == expected, sourceLocation: sourceLocation)
    }

    private let bare = Ticket(
        id: 7, orgID: 1, ticketNumber: 101, subject: "Printer offline", description: nil, status: .open,
        priority: nil, channel: .email, email: nil, assigneeID: nil, dueDate: nil,
        createdAt: Date(timeIntervalSince1970: 1_700_000_000.123), updatedAt: Date(timeIntervalSince1970: 1_700_000_001),
        version: 1, deletedAt: nil, deletedBy: nil)

    private let full = Ticket(
        id: Int64.max, orgID: 1, ticketNumber: 1, subject: "請求書 \"quoted\" \\ back\tslash\u{1}",
        description: "line 1\nline 2 — é", status: .onHold, priority: .urgent, channel: .web,
        email: "kunde@example.jp", assigneeID: 385_480_597_424_308_224,
        dueDate: Date(timeIntervalSince1970: -86_400.5), createdAt: Date(timeIntervalSince1970: 0),
        updatedAt: Date(timeIntervalSince1970: 4_102_444_800.999), version: 9, deletedAt: nil, deletedBy: nil,
        classification: .problem, category: "Hardware", departmentID: 42, contactID: 43,
        cf: CustomFieldValues(names: ["cf_b", "cf_a", "cf_Z", "cf_ä"],
                              values: ["cf_a": "x", "cf_Z": "大", "cf_ä": "\"q\""]))

    @Test("a ticket with only its required fields")
    func bareTicket() throws {
        try sameBytes(TicketJSON(ticket: bare))
    }

    @Test("every field set, escapes, non-ASCII text, custom fields out of order")
    func fullTicket() throws {
        try sameBytes(TicketJSON(ticket: full))
    }

    @Test("tickets nested in the list envelope")
    func listOfTickets() throws {
        try sameBytes(ListJSON(data: [TicketJSON(ticket: full), TicketJSON(ticket: bare)]))
        try sameBytes(ListJSON<TicketJSON>(data: []))
    }

    @Test("hidden standard and custom fields are absent, in both encoders")
    func hiddenFields() throws {
        let hidden: Set<String> = ["email", "status", "dueDate", "cf_a", "cf_ä"]
        try sameBytes(TicketJSON(ticket: full, hidden: hidden))
        try sameBytes(TicketJSON(ticket: bare, hidden: hidden))
        try sameBytes(ListJSON(data: [TicketJSON(ticket: full, hidden: hidden), TicketJSON(ticket: bare, hidden: [])]))
        let bytes = try FastJSONEncoder().encode(TicketJSON(ticket: full, hidden: hidden))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        for key in ["email", "status", "statusType", "dueDate"] { #expect(object[key] == nil, "\(key)") }
        for key in ["id", "ticketNumber", "subject", "priority", "createdTime", "modifiedTime"] {
            #expect(object[key] != nil, "\(key)")
        }
        let cf = try #require(object["cf"] as? [String: Any], "cf")
        #expect(Set(cf.keys) == ["cf_b", "cf_Z"])
    }

    @Test("without a request mask, a ticket hides nothing")
    func noMask() throws {
        #expect(TicketJSON(ticket: full).hidden.isEmpty)
        let masked = FieldMask(hidden: [.tickets: ["email"]])
        FieldMask.$current.withValue(masked) {
            #expect(TicketJSON(ticket: full).hidden == ["email"])
        }
    }
}
