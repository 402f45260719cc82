import Foundation
import ZIPFoundation

/// Writes a ``PersonalDataExport`` as one zip file ("download my data"):
///
/// - `profile.json` — the contact record, the help-center account and the privacy requests;
/// - `tickets.csv` — one line per ticket (UTF-8 with a byte order mark, so spreadsheet programs read
///   Japanese correctly);
/// - `tickets/{number}.json` — each ticket with its public conversation;
/// - `attachments/{number}/{attachment id}-{file name}` — the files of the parts the user can see.
public enum PersonalDataArchive {
    /// The zip file's bytes. Attachment contents are read through `store` chunk by chunk.
    public static func zip(_ export: PersonalDataExport, store: Store) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add(archive, "profile.json", try PersonalDataJSON.encode(PersonalDataJSON.profile(export)), export.createdAt)
        try add(archive, "tickets.csv", csv(export), export.createdAt)
        for part in export.tickets {
            var paths: [Int64: String] = [:]
            for attachment in part.entries.flatMap(\.attachments) where paths[attachment.id] == nil {
                let path = "attachments/\(part.ticket.ticketNumber)/\(attachment.id)-\(safeName(attachment.fileName))"
                var bytes: [UInt8] = []
                bytes.reserveCapacity(Int(attachment.size))
                try store.readContent(of: attachment, in: export.contact.orgID) { bytes += $0 }
                try add(archive, path, bytes, attachment.createdAt)
                paths[attachment.id] = path
            }
            let document = PersonalDataJSON.ticket(part, paths: paths)
            try add(archive, "tickets/\(part.ticket.ticketNumber).json", try PersonalDataJSON.encode(document),
                    part.ticket.updatedAt)
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// `tickets.csv`: number, subject, status, priority, channel, created and modified time (RFC 4180 quoting).
    static func csv(_ export: PersonalDataExport) -> [UInt8] {
        var lines = ["ticketNumber,subject,status,priority,channel,createdTime,modifiedTime"]
        for part in export.tickets {
            let ticket = part.ticket
            lines.append([String(ticket.ticketNumber), ticket.subject, ticket.status.rawValue, ticket.priority?.rawValue ?? "",
                          ticket.channel.rawValue, PersonalDataJSON.time(ticket.createdAt),
                          PersonalDataJSON.time(ticket.updatedAt)].map(csvField).joined(separator: ","))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The file name without path separators or control characters (kept otherwise, Japanese included).
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F ? "_" : Character(scalar)
        })
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return trimmed.isEmpty ? "file" : String(trimmed.prefix(200))
    }

    private static func add(_ archive: Archive, _ path: String, _ bytes: [UInt8], _ date: Date) throws {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
