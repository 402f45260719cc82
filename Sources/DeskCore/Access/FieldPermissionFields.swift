/// The fields that field permissions apply to, per module, by API name: every standard field a client
/// reads and writes, plus the module's custom fields (`cf_…`). `id`, `ticketNumber`, `createdTime` and
/// `modifiedTime` are not listed: they are always readable and never written by clients.
public enum FieldPermissionFields {
    /// The modules with field permissions.
    public static let modules: [AccessModule] = [.tickets, .contacts, .accounts]

    /// The standard fields of `module` in the order the API documents them (empty for other modules).
    public static func standard(_ module: AccessModule) -> [String] {
        switch module {
        case .tickets:
            ["subject", "description", "status", "priority", "channel", "email", "assigneeId", "dueDate",
             "classification", "category", "departmentId", "contactId"]
        case .contacts:
            ["firstName", "lastName", "email", "phone", "mobile", "accountId", "description"]
        case .accounts:
            ["accountName", "email", "phone", "website", "description"]
        default:
            []
        }
    }

    /// The module whose records an audit entry of `recordType` describes (`ticket`, `contact`, `account`).
    public static func module(ofRecordType recordType: String) -> AccessModule? {
        switch recordType {
        case "ticket": .tickets
        case "contact": .contacts
        case "account": .accounts
        default: nil
        }
    }

    /// The custom field module of a module with field permissions.
    public static func customFieldModule(_ module: AccessModule) -> CustomFieldModule? {
        CustomFieldModule(rawValue: module.rawValue)
    }
}
