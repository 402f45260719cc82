import Foundation
import MariaDB

/// How accounts are stored, audited, validated, sorted and searched by the generic record storage.
extension Account: StoredRecord {
    public typealias Draft = AccountDraft
    public typealias Changes = AccountChanges
    public typealias SortField = AccountSortField

    static let maxName = 255
    static let maxPhone = 50
    static let maxWebsite = 255
    static let maxDescription = 65_535

    public static var module: CustomFieldModule { .accounts }

    /// Name or email starts with the text.
    public static func searchCondition(_ pattern: String) -> SQL {
        "account_name LIKE \(pattern) ESCAPE '!' OR email LIKE \(pattern) ESCAPE '!'"
    }

    public static var searchOrder: String { "account_name" }

    public init(draft: AccountDraft, id: Int64, orgID: Int64, now: Date) {
        self.init(id: id, orgID: orgID, accountName: draft.accountName, email: draft.email, phone: draft.phone,
                  website: draft.website, description: draft.description, createdAt: now, updatedAt: now,
                  version: 1, deletedAt: nil, deletedBy: nil, cf: .empty, ownerID: draft.ownerID)
    }

    public func applying(_ changes: AccountChanges, cf: CustomFieldValues, now: Date) -> Account {
        Account(id: id, orgID: orgID, accountName: changes.accountName ?? accountName, email: changes.email ?? email,
                phone: changes.phone ?? phone, website: changes.website ?? website,
                description: changes.description ?? description, createdAt: createdAt, updatedAt: now,
                version: version + 1, deletedAt: nil, deletedBy: nil, cf: cf, ownerID: changes.ownerID ?? ownerID)
    }

    public var auditValues: [(field: String, value: String?)] {
        [
            ("accountName", accountName),
            ("email", email),
            ("phone", phone),
            ("website", website),
            ("description", description),
            ("ownerId", AuditText.id(ownerID)),
        ] + cf.auditFields
    }

    public var storedValues: [(column: String, value: Value)] {
        [
            ("account_name", accountName.sqlValue),
            ("email", email.sqlValue),
            ("phone", phone.sqlValue),
            ("website", website.sqlValue),
            ("description", description.sqlValue),
            ("owner_id", ownerID.sqlValue),
        ]
    }

    public func validate() throws {
        try Validation.text(accountName, field: "accountName", max: Self.maxName)
        if let email { try Validation.email(email, field: "email") }
        if let phone { try Validation.length(phone, field: "phone", max: Self.maxPhone) }
        if let website { try Validation.length(website, field: "website", max: Self.maxWebsite) }
        if let description { try Validation.length(description, field: "description", max: Self.maxDescription) }
    }

    /// A new or changed `ownerId` must be a live agent of this org.
    public func validateReferences(in tx: WriteTransaction, previous: Account?) throws {
        if let ownerID, ownerID != previous?.ownerID { try tx.validate(owner: ownerID) }
    }
}

extension AccountDraft: RecordInput {}
extension AccountChanges: RecordInput {}

/// The sortable fields of an account list, named as in the API's `sortBy`.
public enum AccountSortField: String, RecordSortField {
    case createdTime, modifiedTime, accountName

    public static var defaultField: AccountSortField { .createdTime }

    /// The column, from this fixed allow-list.
    public var column: String {
        switch self {
        case .createdTime: "created_at"
        case .modifiedTime: "updated_at"
        case .accountName: "account_name"
        }
    }
}

/// The order of an account list: a field and a direction; ties are broken by account id.
public typealias AccountSort = RecordSort<AccountSortField>
