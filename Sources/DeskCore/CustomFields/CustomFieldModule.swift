/// The modules that have custom fields, named as in the API's `module` parameter.
public enum CustomFieldModule: String, Sendable, CaseIterable {
    case tickets, contacts, accounts

    /// The record table whose `cf` column holds the module's values (allow-listed).
    var table: String {
        switch self {
        case .tickets: "tickets"
        case .contacts: "contacts"
        case .accounts: "accounts"
        }
    }

    /// The audit record type of the module's records.
    var recordType: String {
        switch self {
        case .tickets: "ticket"
        case .contacts: "contact"
        case .accounts: "account"
        }
    }
}
