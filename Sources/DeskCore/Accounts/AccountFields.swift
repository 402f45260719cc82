/// An account's audited fields as text, by API field name, in a fixed order; and their limits.
enum AccountFields {
    static let maxName = 255
    static let maxPhone = 50
    static let maxWebsite = 255
    static let maxDescription = 65_535

    static func values(of account: Account) -> [(field: String, value: String?)] {
        [
            ("accountName", account.accountName),
            ("email", account.email),
            ("phone", account.phone),
            ("website", account.website),
            ("description", account.description),
        ] + account.cf.auditFields
    }
}
