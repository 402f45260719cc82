import Foundation

/// An agent's audited fields as text, by API field name, in a fixed order; their limits and checks.
enum AgentFields {
    static let maxName = 100
    static let maxPhone = 50
    static let maxLangCode = 35
    static let maxTimeZone = 64

    static func values(of agent: Agent, departments: [Int64]) -> [(field: String, value: String?)] {
        [
            ("emailId", agent.email),
            ("firstName", agent.firstName),
            ("lastName", agent.lastName),
            ("profileId", String(agent.profileID)),
            ("roleId", String(agent.roleID)),
            ("status", agent.status.rawValue),
            ("phone", agent.phone),
            ("mobile", agent.mobile),
            ("langCode", agent.langCode),
            ("timeZone", agent.timeZone),
            ("associatedDepartmentIds", idList(departments)),
        ]
    }

    /// Sorted ids joined by commas; nil for none.
    static func idList(_ ids: [Int64]) -> String? {
        ids.isEmpty ? nil : ids.sorted().map(String.init).joined(separator: ",")
    }

    /// Checks every profile field; failures name the API field.
    static func validate(firstName: String?, lastName: String, phone: String?, mobile: String?, langCode: String?,
                         timeZone: String?) throws {
        if let firstName { try Validation.length(firstName, field: "firstName", max: maxName) }
        try Validation.text(lastName, field: "lastName", max: maxName)
        if let phone { try Validation.length(phone, field: "phone", max: maxPhone) }
        if let mobile { try Validation.length(mobile, field: "mobile", max: maxPhone) }
        if let langCode, !isLanguageTag(langCode) {
            throw StoreError.invalid(field: "langCode", reason: "must be a language tag such as en, ja or pt-BR")
        }
        if let timeZone, !isTimeZone(timeZone) {
            throw StoreError.invalid(field: "timeZone", reason: "must be an IANA time zone such as Asia/Tokyo or UTC")
        }
    }

    /// A BCP 47 tag of ASCII letters and digits: a 2–3 letter language, then subtags of 2–8 characters.
    static func isLanguageTag(_ text: String) -> Bool {
        guard text.count <= maxLangCode else { return false }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// A time zone identifier the system's zone database knows (`UTC`, `Europe/Berlin`, …).
    /// The text is checked to be made of zone-name characters (letters, digits, `_`, `-`, `+`, and `/`
    /// between parts) before the zone database is asked, so it can never name a path outside it.
    static func isTimeZone(_ text: String) -> Bool {
        guard (1...maxTimeZone).contains(text.count) else { return false }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let wellFormed = parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-+".contains($0)) }
        }
        return wellFormed && TimeZone(identifier: text) != nil
    }
}
