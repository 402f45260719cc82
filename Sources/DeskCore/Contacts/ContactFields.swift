/// A contact's audited fields as text, by API field name, in a fixed order; and their limits.
enum ContactFields {
    static let maxName = 100
    static let maxPhone = 50
    static let maxDescription = 65_535

    static func values(of contact: Contact) -> [(field: String, value: String?)] {
        [
            ("firstName", contact.firstName),
            ("lastName", contact.lastName),
            ("email", contact.email),
            ("phone", contact.phone),
            ("mobile", contact.mobile),
            ("accountId", AuditText.id(contact.accountID)),
            ("description", contact.description),
        ] + contact.cf.auditFields
    }
}
