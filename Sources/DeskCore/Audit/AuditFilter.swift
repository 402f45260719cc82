import Foundation

/// Which audit entries to list; nil fields do not filter. `from`/`to` bound `occurredAt` (inclusive).
public struct AuditFilter: Sendable, Equatable {
    public var recordType: String?
    public var recordID: Int64?
    public var actorID: Int64?
    public var action: AuditAction?
    public var from: Date?
    public var to: Date?

    public init(recordType: String? = nil, recordID: Int64? = nil, actorID: Int64? = nil,
                action: AuditAction? = nil, from: Date? = nil, to: Date? = nil) {
        self.recordType = recordType
        self.recordID = recordID
        self.actorID = actorID
        self.action = action
        self.from = from
        self.to = to
    }
}
