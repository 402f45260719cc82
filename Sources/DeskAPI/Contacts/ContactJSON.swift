import DeskCore

/// A contact as the API renders it (Zoho Desk v1 shape): IDs as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional.
struct ContactJSON: Encodable {
    let contact: Contact
    /// Field api names hidden from the requesting agent (``FieldMask``): left out, custom ones from `cf` too.
    var hidden: Set<String> = FieldMask.current.hidden(.contacts)

    private enum Key: String, RecordJSONKey {
        case id, firstName, lastName, email, phone, mobile, accountId, description, ownerId, cf, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeRecordFields(of: contact, hidden: hidden)
        try container.encode(contact.firstName, forKey: .firstName, unlessIn: hidden)
        try container.encode(contact.lastName, forKey: .lastName, unlessIn: hidden)
        try container.encode(contact.email, forKey: .email, unlessIn: hidden)
        try container.encode(contact.phone, forKey: .phone, unlessIn: hidden)
        try container.encode(contact.mobile, forKey: .mobile, unlessIn: hidden)
        try container.encode(contact.accountID.map(String.init), forKey: .accountId, unlessIn: hidden)
        try container.encode(contact.description, forKey: .description, unlessIn: hidden)
        try container.encode(contact.ownerID.map(String.init), forKey: .ownerId, unlessIn: hidden)
    }
}
