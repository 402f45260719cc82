/// What a change did to a record.
public enum AuditAction: String, Sendable, CaseIterable {
    case create, update, trash, restore, delete
}
