import Foundation

/// The JSON documents of a ``PersonalDataExport``: `profile.json` and one `tickets/{number}.json` per
/// ticket. Times are ISO 8601 in UTC with milliseconds; absent values are `null`.
enum PersonalDataJSON {
    struct Profile: Encodable {
        struct ContactPart: Encodable {
            let id: String
            let firstName: String?
            let lastName: String
            let email: String?
            let phone: String?
            let mobile: String?
            let description: String?
            let customFields: [String: String]
            let createdTime: String
            let modifiedTime: String
        }

        struct AccountPart: Encodable {
            let email: String
            let emailVerifiedTime: String?
            let language: String?
            let timeZone: String?
            let createdTime: String
        }

        struct Request: Encodable {
            let id: String
            let status: String
            let oldEmail: String?
            let newEmail: String?
            let requestedTime: String
            let decidedTime: String?
            let reason: String?
        }

        let exportedTime: String
        let contact: ContactPart
        let helpCenterAccount: AccountPart
        let emailChangeRequests: [Request]
        let erasureRequests: [Request]
    }

    struct TicketDocument: Encodable {
        struct Entry: Encodable {
            let kind: String
            let time: String
            let author: String
            let text: String
            let attachments: [String]
        }

        let ticketNumber: Int64
        let subject: String
        let status: String
        let priority: String?
        let channel: String
        let createdTime: String
        let modifiedTime: String
        let conversation: [Entry]
    }

    static func profile(_ export: PersonalDataExport) -> Profile {
        let contact = export.contact, user = export.portalUser
        return Profile(
            exportedTime: time(export.createdAt),
            contact: .init(id: String(contact.id), firstName: contact.firstName, lastName: contact.lastName,
                           email: contact.email, phone: contact.phone, mobile: contact.mobile,
                           description: contact.description, customFields: contact.cf.values,
                           createdTime: time(contact.createdAt), modifiedTime: time(contact.updatedAt)),
            helpCenterAccount: .init(email: user.email, emailVerifiedTime: user.emailVerifiedAt.map(time),
                                     language: user.language, timeZone: user.timeZone, createdTime: time(user.createdAt)),
            emailChangeRequests: export.emailChangeRequests.map {
                .init(id: String($0.id), status: $0.status.rawValue, oldEmail: $0.oldEmail, newEmail: $0.newEmail,
                      requestedTime: time($0.requestedAt), decidedTime: $0.decision.map { time($0.decidedAt) },
                      reason: $0.decision?.reason)
            },
            erasureRequests: export.erasureRequests.map {
                .init(id: String($0.id), status: $0.status.rawValue, oldEmail: nil, newEmail: nil,
                      requestedTime: time($0.requestedAt), decidedTime: $0.decision.map { time($0.decidedAt) },
                      reason: $0.decision?.reason)
            })
    }

    /// The ticket's document; `paths` names each attachment's file in the archive, by attachment id.
    static func ticket(_ part: PersonalDataExport.TicketPart, paths: [Int64: String]) -> TicketDocument {
        let ticket = part.ticket
        return TicketDocument(
            ticketNumber: ticket.ticketNumber, subject: ticket.subject, status: ticket.status.rawValue,
            priority: ticket.priority?.rawValue, channel: ticket.channel.rawValue, createdTime: time(ticket.createdAt),
            modifiedTime: time(ticket.updatedAt),
            conversation: part.entries.map { entry in
                .init(kind: entry.kind.rawValue, time: time(entry.createdAt), author: author(entry.author), text: entry.text,
                      attachments: entry.attachments.compactMap { paths[$0.id] })
            })
    }

    static func author(_ author: PortalTicketEntry.Author) -> String {
        switch author {
        case .you: "you"
        case .agent(let name): "agent: \(name)"
        case .contact(let name): "contact: \(name)"
        case .unknown: "unknown"
        }
    }

    /// Pretty, key-sorted UTF-8 JSON with a final newline.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
