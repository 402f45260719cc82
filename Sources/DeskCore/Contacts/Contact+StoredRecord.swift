import Foundation
import MariaDB

/// How contacts are stored, audited, validated, sorted and searched by the generic record storage.
extension Contact: StoredRecord {
    public typealias Draft = ContactDraft
    public typealias Changes = ContactChanges
    public typealias SortField = ContactSortField

    static let maxName = 100
    static let maxPhone = 50
    static let maxDescription = 65_535

    public static var module: CustomFieldModule { .contacts }

    /// First name, last name or email starts with the text.
    public static func searchCondition(_ pattern: String) -> SQL {
        """
        first_name LIKE \(pattern) ESCAPE '!' OR last_name LIKE \(pattern) ESCAPE '!' OR email LIKE \(pattern) ESCAPE '!'
        """
    }

    public static var searchOrder: String { "last_name" }

    public init(draft: ContactDraft, id: Int64, orgID: Int64, now: Date) {
        self.init(id: id, orgID: orgID, firstName: draft.firstName, lastName: draft.lastName, email: draft.email,
                  phone: draft.phone, mobile: draft.mobile, accountID: draft.accountID, description: draft.description,
                  createdAt: now, updatedAt: now, version: 1, deletedAt: nil, deletedBy: nil, cf: .empty,
                  ownerID: draft.ownerID)
    }

    public func applying(_ changes: ContactChanges, cf: CustomFieldValues, now: Date) -> Contact {
        Contact(id: id, orgID: orgID, firstName: changes.firstName ?? firstName, lastName: changes.lastName ?? lastName,
                email: changes.email ?? email, phone: changes.phone ?? phone, mobile: changes.mobile ?? mobile,
                accountID: changes.accountID ?? accountID, description: changes.description ?? description,
                createdAt: createdAt, updatedAt: now, version: version + 1, deletedAt: nil, deletedBy: nil, cf: cf,
                ownerID: changes.ownerID ?? ownerID)
    }

    public var auditValues: [(field: String, value: String?)] {
        [
            ("firstName", firstName),
            ("lastName", lastName),
            ("email", email),
            ("phone", phone),
            ("mobile", mobile),
            ("accountId", AuditText.id(accountID)),
            ("description", description),
            ("ownerId", AuditText.id(ownerID)),
        ] + cf.auditFields
    }

    public var storedValues: [(column: String, value: Value)] {
        [
            ("first_name", firstName.sqlValue),
            ("last_name", lastName.sqlValue),
            ("email", email.sqlValue),
            ("phone", phone.sqlValue),
            ("mobile", mobile.sqlValue),
            ("account_id", accountID.sqlValue),
            ("description", description.sqlValue),
            ("owner_id", ownerID.sqlValue),
        ]
    }

    public func validate() throws {
        if let firstName { try Validation.length(firstName, field: "firstName", max: Self.maxName) }
        try Validation.text(lastName, field: "lastName", max: Self.maxName)
        if let email { try Validation.email(email, field: "email") }
        if let phone { try Validation.length(phone, field: "phone", max: Self.maxPhone) }
        if let mobile { try Validation.length(mobile, field: "mobile", max: Self.maxPhone) }
        if let description { try Validation.length(description, field: "description", max: Self.maxDescription) }
    }

    /// A new or changed `accountId` must be a live account of this org, a new or changed `ownerId` a live
    /// agent of it.
    public func validateReferences(in tx: WriteTransaction, previous: Contact?) throws {
        if let accountID, accountID != previous?.accountID { try tx.validate(account: accountID) }
        if let ownerID, ownerID != previous?.ownerID { try tx.validate(owner: ownerID) }
    }
}

extension ContactDraft: RecordInput {}
extension ContactChanges: RecordInput {}

/// The sortable fields of a contact list, named as in the API's `sortBy`.
public enum ContactSortField: String, RecordSortField {
    case createdTime, modifiedTime, lastName

    public static var defaultField: ContactSortField { .createdTime }

    /// The column, from this fixed allow-list.
    public var column: String {
        switch self {
        case .createdTime: "created_at"
        case .modifiedTime: "updated_at"
        case .lastName: "last_name"
        }
    }
}

/// The order of a contact list: a field and a direction; ties are broken by contact id.
public typealias ContactSort = RecordSort<ContactSortField>
