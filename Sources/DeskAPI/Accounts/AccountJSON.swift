import DeskCore

/// An account as the API renders it (Zoho Desk v1 shape): IDs as strings, times as
/// `yyyy-MM-ddTHH:mm:ss.SSSZ`, `null` for every absent optional.
struct AccountJSON: Encodable {
    let account: Account

    private enum Key: String, RecordJSONKey {
        case id, accountName, email, phone, website, description, cf, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeRecordFields(of: account)
        try container.encode(account.accountName, forKey: .accountName)
        try container.encode(account.email, forKey: .email)
        try container.encode(account.phone, forKey: .phone)
        try container.encode(account.website, forKey: .website)
        try container.encode(account.description, forKey: .description)
    }
}
