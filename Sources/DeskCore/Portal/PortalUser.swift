import Foundation
import MariaDB

/// An end user's help-center account: sign-in email, password hash and preferences, linked to the
/// contact that holds their personal data.
public struct PortalUser: Sendable, Equatable {
    public let id: Int64
    public let orgID: Int64
    /// The contact this account belongs to (one account per contact).
    public let contactID: Int64
    /// The sign-in email, lowercased.
    public let email: String
    /// The scrypt hash (``PasswordHasher``); never shown.
    public let passwordHash: String
    /// When the email address was confirmed; nil until then (sign-in is refused).
    public let emailVerifiedAt: Date?
    /// `en` or `ja`; nil: from the browser.
    public let language: String?
    /// An IANA time zone name such as `Asia/Tokyo`; nil: UTC.
    public let timeZone: String?
    public let createdAt: Date
    public let updatedAt: Date
    public let version: Int64

    init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        contactID = try row.decode("contact_id")
        email = try row.decode("email")
        passwordHash = try row.decode("password_hash")
        emailVerifiedAt = try row.decode("email_verified_at")
        language = try row.decode("language")
        timeZone = try row.decode("time_zone")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        version = try row.decode("version")
    }

    static let columns: SQL = """
        id, org_id, contact_id, email, password_hash, email_verified_at, language, time_zone, created_at, updated_at, \
        version
        """

    /// The audit record type of portal users.
    public static let recordType = "portaluser"

    /// The languages the help center speaks.
    public static let languages = ["en", "ja"]

    /// The normalised form of an email used as a sign-in name: trimmed and lowercased.
    public static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
