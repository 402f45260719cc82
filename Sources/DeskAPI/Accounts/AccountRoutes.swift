import DeskCore
import DeskHTTP

/// `/api/v1/accounts…`: list, search (name or email), get, create, update and move to the recycle bin —
/// the generic ``RecordRoutes``.
typealias AccountRoutes = RecordRoutes<AccountAPI>

/// The account API: `AccountJSON`, `AccountInput`, `accountIds`.
enum AccountAPI: RecordAPI {
    static let path = "/api/v1/accounts"
    static let idsKey = "accountIds"

    static func json(_ account: Account) -> AccountJSON { AccountJSON(account: account) }
    static func draft(from request: HTTPRequest) throws -> AccountDraft { try AccountInput.draft(from: request) }
    static func changes(from request: HTTPRequest) throws -> AccountChanges { try AccountInput.changes(from: request) }
}
