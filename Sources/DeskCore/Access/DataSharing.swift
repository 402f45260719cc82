/// How far an agent sees and edits the records of a shared module (tickets, contacts, accounts) beyond
/// its own (Zoho Desk's data sharing settings). Administrators see and edit everything whatever this says.
public enum DataSharing: String, Sendable, CaseIterable {
    /// Records owned by (contacts, accounts) or assigned to (tickets) the agent or an agent in a role
    /// below the agent's role; plus what sharing rules grant.
    case `private`
    /// `private`, plus every record of the agent's departments (tickets by department, contacts and
    /// accounts owned by an agent of those departments).
    case department
    /// Every record readable; editable as with `private`.
    case publicReadOnly
    /// Every record readable and editable.
    case publicReadWrite
}

/// What a sharing rule grants: read, or read and edit.
public enum SharingRuleAccess: String, Sendable, CaseIterable {
    case readOnly, readWrite
}

/// What a profile lets an agent do with one field.
public enum FieldAccess: String, Sendable, CaseIterable {
    /// Shown and editable (every field without a setting).
    case readWrite
    /// Shown; a write that sets it is refused.
    case readOnly
    /// Absent from responses; it cannot be filtered, sorted on or written.
    case hidden
}
