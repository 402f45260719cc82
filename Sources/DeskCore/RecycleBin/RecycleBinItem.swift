import Foundation

/// A record in the recycle bin.
public struct RecycleBinItem: Sendable, Equatable {
    public let id: Int64
    /// "ticket", "contact" or "account".
    public let recordType: String
    /// What the record is called: a ticket's subject, a contact's full name, an account's name.
    public let displayName: String
    public let deletedAt: Date
    public let deletedBy: Int64

    public init(id: Int64, recordType: String, displayName: String, deletedAt: Date, deletedBy: Int64) {
        self.id = id
        self.recordType = recordType
        self.displayName = displayName
        self.deletedAt = deletedAt
        self.deletedBy = deletedBy
    }
}
