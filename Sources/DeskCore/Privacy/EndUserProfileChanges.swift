import Foundation

/// What an end user may change on My Info: their contact's names and phone numbers, and their
/// help-center account's language and time zone. The email is not here: it changes only through an
/// approved ``EmailChangeRequest``.
public struct EndUserProfileChanges: Sendable, Equatable {
    public var firstName: String?
    public var lastName: String
    public var phone: String?
    public var mobile: String?
    /// `en` or `ja`; nil clears it (the browser's language applies).
    public var language: String?
    /// An IANA time zone name; nil clears it (UTC applies).
    public var timeZone: String?

    /// Trims every value; empty optional values become nil.
    public init(firstName: String?, lastName: String, phone: String?, mobile: String?, language: String?, timeZone: String?) {
        func clean(_ text: String?) -> String? {
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        self.firstName = clean(firstName)
        self.lastName = lastName.trimmingCharacters(in: .whitespacesAndNewlines)
        self.phone = clean(phone)
        self.mobile = clean(mobile)
        self.language = clean(language)
        self.timeZone = clean(timeZone)
    }

    /// Every problem of the values, by form field name; empty when they can be saved. Lengths count Unicode
    /// scalars, as the database's columns do.
    public func problems() -> [String: EndUserProfileProblem] {
        var problems: [String: EndUserProfileProblem] = [:]
        let tooLong = { (text: String?, max: Int) in (text?.unicodeScalars.count ?? 0) > max }
        if tooLong(firstName, Self.maxName) { problems["firstName"] = .tooLong(max: Self.maxName) }
        if lastName.isEmpty { problems["lastName"] = .required }
        else if tooLong(lastName, Self.maxName) { problems["lastName"] = .tooLong(max: Self.maxName) }
        if tooLong(phone, Self.maxPhone) { problems["phone"] = .tooLong(max: Self.maxPhone) }
        if tooLong(mobile, Self.maxPhone) { problems["mobile"] = .tooLong(max: Self.maxPhone) }
        if let language, !PortalUser.languages.contains(language) { problems["language"] = .unknownLanguage }
        if let timeZone, timeZone.utf8.count > 64 || TimeZone(identifier: timeZone) == nil {
            problems["timeZone"] = .unknownTimeZone
        }
        return problems
    }

    /// The contact's name limit (characters).
    public static let maxName = 100
    /// The contact's phone number limit (characters).
    public static let maxPhone = 50
}

/// Why a My Info value cannot be saved.
public enum EndUserProfileProblem: Sendable, Equatable {
    case required
    case tooLong(max: Int)
    case unknownLanguage
    case unknownTimeZone
}
