import Foundation
import MariaDB

/// An organisation that contacts of an org belong to.
public struct Account: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    public let accountName: String
    public let email: String?
    public let phone: String?
    public let website: String?
    public let description: String?
    public let createdAt: Date
    public let updatedAt: Date
    /// Bumped on every write; the ETag.
    public let version: Int64
    /// Set while the account is in the recycle bin.
    public let deletedAt: Date?
    public let deletedBy: Int64?
    /// The custom field values, with every custom field api name of the module.
    public let cf: CustomFieldValues
    /// The owning agent: who the record belongs to under `private` sharing (the creator unless set).
    public let ownerID: Int64?
}

extension Account {
    /// Decodes a row read with ``columns``.
    public init(row: Row) throws {
        self.init(id: try row.decode("id"), orgID: try row.decode("org_id"), accountName: try row.decode("account_name"),
                  email: try row.decode("email"), phone: try row.decode("phone"), website: try row.decode("website"),
                  description: try row.decode("description"), createdAt: try row.decode("created_at"),
                  updatedAt: try row.decode("updated_at"), version: try row.decode("version"),
                  deletedAt: try row.decode("deleted_at"), deletedBy: try row.decode("deleted_by"),
                  cf: try CustomFieldValues(row: row), ownerID: try row.decode("owner_id"))
    }

    /// The stored columns (allow-listed).
    public static let columns: SQL = """
        org_id, id, account_name, email, phone, website, description, created_at, updated_at, version, deleted_at, \
        deleted_by, cf, owner_id
        """

    /// The account with other custom field values.
    public func with(cf: CustomFieldValues) -> Account {
        Account(id: id, orgID: orgID, accountName: accountName, email: email, phone: phone, website: website,
                description: description, createdAt: createdAt, updatedAt: updatedAt, version: version,
                deletedAt: deletedAt, deletedBy: deletedBy, cf: cf, ownerID: ownerID)
    }

    /// The account with another owner.
    public func with(ownerID: Int64?) -> Account {
        Account(id: id, orgID: orgID, accountName: accountName, email: email, phone: phone, website: website,
                description: description, createdAt: createdAt, updatedAt: updatedAt, version: version,
                deletedAt: deletedAt, deletedBy: deletedBy, cf: cf, ownerID: ownerID)
    }
}
