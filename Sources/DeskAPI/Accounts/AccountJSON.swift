import DeskCore

/// An account as the API renders it (Zoho Desk v1 shape): IDs as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional.
struct AccountJSON: Encodable {
    let account: Account
    /// Field api names hidden from the requesting agent (``FieldMask``): left out, custom ones from `cf` too.
    var hidden: Set<String> = FieldMask.current.hidden(.accounts)

    private enum Key: String, RecordJSONKey {
        case id, accountName, email, phone, website, description, ownerId, cf, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeRecordFields(of: account, hidden: hidden)
        try container.encode(account.accountName, forKey: .accountName, unlessIn: hidden)
        try container.encode(account.email, forKey: .email, unlessIn: hidden)
        try container.encode(account.phone, forKey: .phone, unlessIn: hidden)
        try container.encode(account.website, forKey: .website, unlessIn: hidden)
        try container.encode(account.description, forKey: .description, unlessIn: hidden)
        try container.encode(account.ownerID.map(String.init), forKey: .ownerId, unlessIn: hidden)
    }
}
