import Foundation
import MariaDB

/// A person of an org who asks for support, optionally belonging to an account.
public struct Contact: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let firstName: String?
    public let lastName: String
    public let email: String?
    public let phone: String?
    public let mobile: String?
    /// A live account of the same org, when set.
    public let accountID: Int64?
    public let description: String?
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write; the ETag.
    public let version: Int64
    /// Set while the contact is in the recycle bin.
    public let deletedAt: Date?
    public let deletedBy: Int64?
    /// The custom field values, with every custom field api name of the module.
    public let cf: CustomFieldValues
    /// The owning agent: who the record belongs to under `private` sharing (the creator unless set).
    public let ownerID: Int64?
}

extension Contact {
    /// Decodes a row read with ``columns``.
    public init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), firstName: try row.decode("first_name"),
                  lastName: try row.decode("last_name"), email: try row.decode("email"), phone: try row.decode("phone"),
                  mobile: try row.decode("mobile"), accountID: try row.decode("account_id"),
                  description: try row.decode("description"), createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"),
                  deletedAt: try row.decode("deleted_at"), deletedBy: try row.decode("deleted_by"),
                  cf: try CustomFieldValues(row: row), ownerID: try row.decode("owner_id"))
    }

    /// The stored columns (allow-listed).
    public static let columns: SQL = """
        org_id, id, first_name, last_name, email, phone, mobile, account_id, description, created_at, updated_at, \
        version, deleted_at, deleted_by, cf, owner_id
        """

    /// The contact with other custom field values.
    public func with(cf: CustomFieldValues) -> Contact {
        Contact(id: id, orgID: orgID, firstName: firstName, lastName: lastName, email: email, phone: phone, mobile: mobile,
                accountID: accountID, description: description, createdAt: createdAt, updatedAt: updatedAt,
                version: version, deletedAt: deletedAt, deletedBy: deletedBy, cf: cf, ownerID: ownerID)
    }

    /// The contact with another owner.
    public func with(ownerID: Int64?) -> Contact {
        Contact(id: id, orgID: orgID, firstName: firstName, lastName: lastName, email: email, phone: phone, mobile: mobile,
                accountID: accountID, description: description, createdAt: createdAt, updatedAt: updatedAt,
                version: version, deletedAt: deletedAt, deletedBy: deletedBy, cf: cf, ownerID: ownerID)
    }
}
