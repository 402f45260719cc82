import DeskCore
import DeskHTTP

/// What ``RecordRoutes`` needs of a ``StoredRecord`` type besides its storage: where it is served, how
/// it renders, how request bodies read, and the id list key of `moveToTrash`.
protocol RecordAPI: Sendable {
    associatedtype Record: StoredRecord
    associatedtype JSON: Encodable

    /// The collection path, e.g. `/api/v1/contacts`.
    static var path: String { get }
    /// The `moveToTrash` body's id list key, e.g. `contactIds`.
    static var idsKey: String { get }
    /// The Zoho Desk v1 shape of a record.
    static func json(_ record: Record) -> JSON
    /// The create body, strictly read (422 `INVALID_DATA` naming each bad field).
    static func draft(from request: HTTPRequest) throws -> Record.Draft
    /// The update body, strictly read.
    static func changes(from request: HTTPRequest) throws -> Record.Changes
}
