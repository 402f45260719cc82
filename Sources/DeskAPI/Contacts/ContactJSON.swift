import DeskCore

/// A contact as the API renders it (Zoho Desk v1 shape): IDs as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional.
struct ContactJSON: Encodable {
    let contact: Contact

    private enum Key: String, RecordJSONKey {
        case id, firstName, lastName, email, phone, mobile, accountId, description, cf, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeRecordFields(of: contact)
        try container.encode(contact.firstName, forKey: .firstName)
        try container.encode(contact.lastName, forKey: .lastName)
        try container.encode(contact.email, forKey: .email)
        try container.encode(contact.phone, forKey: .phone)
        try container.encode(contact.mobile, forKey: .mobile)
        try container.encode(contact.accountID.map(String.init), forKey: .accountId)
        try container.encode(contact.description, forKey: .description)
    }
}
