/// The modules a profile grants rights on (Zoho Desk's profile permission groups).
public enum AccessModule: String, Sendable, CaseIterable, Codable {
    case tickets, contacts, accounts, agents, departments, recycleBin, auditLog, exports, settings

    /// The modules whose records are shared per org setting and sharing rules (`private` and the rest).
    public static let shared: [AccessModule] = [.tickets, .contacts, .accounts]
}

/// What a profile allows on a module.
public enum AccessAction: String, Sendable, CaseIterable, Codable {
    case view, create, edit, delete, export
}

/// The privacy operations a profile may allow, beyond module rights.
public enum PrivacyAction: String, Sendable, CaseIterable, Codable {
    /// Anonymize an agent or contact (erasure).
    case anonymize
    /// Approve or refuse a request to change a person's email.
    case approveEmailChange
    /// Export every record of the org at once.
    case bulkExport
    /// Ask for the org to move to another data region.
    case regionMove
}
