import DeskCore
import DeskHTTP

/// `/api/v1/contacts…`: list, search (first name, last name or email), get, create, update and move to
/// the recycle bin — the generic ``RecordRoutes``.
typealias ContactRoutes = RecordRoutes<ContactAPI>

/// The contact API: `ContactJSON`, `ContactInput`, `contactIds`.
enum ContactAPI: RecordAPI {
    static let path = "/api/v1/contacts"
    static let idsKey = "contactIds"

    static func json(_ contact: Contact) -> ContactJSON { ContactJSON(contact: contact) }
    static func draft(from request: HTTPRequest) throws -> ContactDraft { try ContactInput.draft(from: request) }
    static func changes(from request: HTTPRequest) throws -> ContactChanges { try ContactInput.changes(from: request) }
}
